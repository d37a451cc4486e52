import { applyImageDefaults, rebaseBinds } from './apply-image-defaults.js';
import type { ServiceSides } from './audit-report.js';
import { DEFAULT_IGNORED_LABELS } from './compare.js';
import { flattenModel } from './flatten.js';
import { isSecret, maskPair } from './mask.js';
import type { ExpectedService, ObservedContainer } from './model.js';
import { displayTemplate } from './template.js';

const keyOf = (path: string): string => path.replace(/^(environment|labels)\./, '');
/** Variables a displayed template refers to (`${DB_PASS}`): a value that came from a secret variable is one. */
const viaOf = (display: string | undefined): string[] =>
  [...(display ?? '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? '');
const ignored = (path: string): boolean => DEFAULT_IGNORED_LABELS.some((p) => path.startsWith(`labels.${p}`));

function maskSides(
  e: Map<string, string> | null,
  a: Map<string, string> | null,
  known: readonly string[],
): [Record<string, string> | null, Record<string, string> | null] {
  const exp: Record<string, string> = {};
  const act: Record<string, string> = {};
  for (const path of new Set([...(e?.keys() ?? []), ...(a?.keys() ?? [])])) {
    if (ignored(path)) continue;
    const ev = e?.get(path);
    const av = a?.get(path);
    const secret = isSecret(keyOf(path), [ev ?? null, av ?? null], known, viaOf(ev));
    const shown = secret ? maskPair(ev ?? null, av ?? null) : { expected: ev ?? null, actual: av ?? null };
    if (shown.expected !== null) exp[path] = shown.expected;
    if (shown.actual !== null) act[path] = shown.actual;
  }
  return [e === null ? null : exp, a === null ? null : act];
}

/**
 * Both sides of a service as the comparison sees them (image defaults applied to git's side,
 * binds rebased to the host's project dir), flattened and masked. Either side may be absent.
 */
export function serviceSides(
  host: string,
  exp: ExpectedService | null,
  obs: ObservedContainer | null,
  knownSecrets: readonly string[],
): ServiceSides {
  const withDigest = exp !== null && exp.model.image.digest !== '';
  let expected: Map<string, string> | null = null;
  if (exp !== null) {
    const model =
      obs === null
        ? exp.model
        : applyImageDefaults(rebaseBinds(exp.model, exp.projectDir, obs.workingDir), obs.imageDefaults);
    expected = new Map([...flattenModel(model, withDigest)].map(([k, v]) => [k, displayTemplate(v)]));
  }
  const actual = obs === null ? null : flattenModel(obs.model, withDigest);
  if (actual !== null && obs !== null) actual.set('state', obs.state);
  if (expected !== null) expected.set('state', 'running');
  const [e, a] = maskSides(expected, actual, knownSecrets);
  return {
    host,
    stack: exp?.stack ?? obs?.project ?? '',
    service: exp?.service ?? obs?.service ?? obs?.name ?? '',
    expected: e,
    actual: a,
  };
}
