import { isPasswordHash } from '../../secrets/password-hash.js';
import type { ComposeFile } from './compose-file.js';
import { entryText } from './edit-entries.js';
import type { PlannedEdit } from './apply-plans.js';
import { pickFile } from './pick-file.js';
import { varRefs } from './retemplate.js';
import { serviceNode } from './yaml-nodes.js';

/** Running `environment`/`labels` values of the service, unmasked (in memory only). */
export interface RunningEntries {
  readonly environment: ReadonlyMap<string, string | null>;
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * A secret-classified entry git already holds as a literal password hash (`$$apr1$$…` in a
 * basic-auth label) is written back as the running hash, escaped, not as a new `${VAR}`: git
 * already publishes a hash there, and a new variable would render empty when deployed from git.
 * Plaintext secrets, values from the host `.env` (known secrets) and values git holds as
 * variables keep the `${VAR}` rule (src/secrets/SECRETS.md, "Literals git already holds").
 */
export function keepLiteral(
  plan: PlannedEdit,
  files: { readonly base: ComposeFile | undefined; readonly override: ComposeFile | undefined },
  service: string,
  running: RunningEntries | undefined,
  knownSecrets: readonly string[],
): PlannedEdit {
  const { edit } = plan;
  if (edit.kind !== 'entry' || edit.secretVar === undefined || running === undefined) return plan;
  const file = pickFile(files.base, files.override, service, edit);
  const svc = file === undefined ? undefined : serviceNode(file.doc, service);
  const current = svc === undefined ? undefined : entryText(svc.get(edit.block, true), edit.key);
  if (typeof current !== 'string' || varRefs(current).length > 0) return plan;
  const gitValue = current.replace(/\$\$/g, '$');
  const value = running[edit.block].get(edit.key);
  if (typeof value !== 'string' || !isPasswordHash(gitValue) || !isPasswordHash(value)) return plan;
  if (knownSecrets.some((k) => k.length >= 4 && value.includes(k))) return plan;
  return { item: plan.item, edit: { kind: 'entry', block: edit.block, key: edit.key, value } };
}
