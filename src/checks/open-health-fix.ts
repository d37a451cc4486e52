import { join } from 'node:path';
import { UserError } from '../errors.js';
import { openComposeFiles, saveComposeFile } from '../drift/remediate/compose-file.js';
import { applyEdit } from '../drift/remediate/edit-service.js';
import { REMEDIATION_LABEL } from '../drift/remediate/open-remediation.js';
import { minuteStamp, utcMinute } from '../drift/remediate/utc-minute.js';
import { withClone } from '../drift/remediate/with-clone.js';
import { serviceNode } from '../drift/remediate/yaml-nodes.js';
import type { Forge, PullRequest } from '../forge/forge.js';
import type { FixProposal } from './check.js';
import { toFieldEdit } from './fix-edit.js';

export interface HealthFixDeps {
  readonly forge: Forge;
  readonly apps: { readonly branch: string; readonly stacksDir: string };
  readonly tmpDir: string;
  readonly now: () => Date;
}

/**
 * FR-4.1: edits one field of one service in the stack's compose file (formatting kept), commits on
 * `fix/health-<service>-<minute>`, pushes and opens a PR labelled like drift remediation.
 */
export async function openHealthFix(deps: HealthFixDeps, fix: FixProposal, requestedBy: string): Promise<PullRequest> {
  const edit = toFieldEdit(fix);
  if (typeof edit === 'string') throw new UserError('health-fix-invalid', `This fix cannot be applied: ${edit}.`);
  if (edit.kind === 'image') throw new UserError('health-fix-invalid', 'Image changes are not health fixes.');
  const minute = utcMinute(deps.now());
  const branch = `fix/health-${fix.service}-${minuteStamp(minute)}`;
  const title = `fix(${fix.stack}): ${fix.service} ${fix.field} (/health)`;
  return withClone(deps.forge.remote, deps.apps.branch, deps.tmpDir, async (clone) => {
    await clone.git(['checkout', '--quiet', '-b', branch]);
    const stackDir = join(clone.dir, deps.apps.stacksDir, fix.stack);
    const { base } = await openComposeFiles(stackDir, null);
    const svc = base === undefined ? undefined : serviceNode(base.doc, fix.service);
    if (base === undefined || svc === undefined) throw new UserError('health-fix-no-service', `Service ${fix.service} is not in stack ${fix.stack} in git; fix it by hand.`);
    applyEdit(base.doc, svc, edit);
    if (!(await saveComposeFile(stackDir, base))) throw new UserError('health-fix-noop', `${fix.stack}/${fix.service} already has ${fix.field} = ${fix.value} in git: deploy it (docker compose up -d).`);
    await clone.git(['add', '--', join(deps.apps.stacksDir, fix.stack)]);
    await clone.git(['commit', '--quiet', '-m', title], { date: minute });
    await clone.git(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
    const body = [
      `/health proposed this change (requested by ${requestedBy}).`, '',
      `- Stack \`${fix.stack}\`, service \`${fix.service}\``, `- \`${fix.field}\` → \`${fix.value}\``, `- Why: ${fix.reason}`, '',
      'After merging, redeploy the stack (`docker compose up -d`) and run /health again.',
    ].join('\n');
    return deps.forge.openPullRequest({ branch, base: deps.apps.branch, title, body, labels: [REMEDIATION_LABEL] });
  });
}
