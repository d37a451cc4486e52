import { join } from 'node:path';
import { UserError } from '../errors.js';
import { openComposeFiles, saveComposeFile } from '../drift/remediate/compose-file.js';
import { applyEdit } from '../drift/remediate/edit-service.js';
import { minuteStamp, utcMinute } from '../drift/remediate/utc-minute.js';
import { serviceNode } from '../drift/remediate/yaml-nodes.js';
import type { PullRequest } from '../forge/forge.js';
import { openChange, REMEDIATION_LABEL, type ChangeDeps } from '../remediation/open-change.js';
import type { FixProposal } from './check.js';
import { toFieldEdit } from './fix-edit.js';

/** The shared remediation deps (forge, apps, clones, clock). */
export type HealthFixDeps = ChangeDeps;

/**
 * FR-4.1: edits one field of one service in the stack's compose file (formatting kept), commits on
 * `fix/health-<service>-<minute>`, pushes and opens a PR labelled like drift remediation.
 */
export async function openHealthFix(deps: HealthFixDeps, fix: FixProposal, requestedBy: string): Promise<PullRequest> {
  const edit = toFieldEdit(fix);
  if (typeof edit === 'string') throw new UserError('health-fix-invalid', `This fix cannot be applied: ${edit}.`);
  if (edit.kind === 'image') throw new UserError('health-fix-invalid', 'Image changes are not health fixes.');
  const branch = `fix/health-${fix.service}-${minuteStamp(utcMinute(deps.now()))}`;
  const title = `fix(${fix.stack}): ${fix.service} ${fix.field} (/health)`;
  const stackPath = join(deps.apps.stacksDir, fix.stack);
  const unchanged = `${fix.stack}/${fix.service} already has ${fix.field} = ${fix.value} in git: deploy it (docker compose up -d).`;
  const { pr } = await openChange(deps, {
    branch,
    title,
    labels: [REMEDIATION_LABEL],
    paths: [stackPath],
    unchanged,
    edit: async (clone) => {
      const stackDir = join(clone.dir, stackPath);
      const { base } = await openComposeFiles(stackDir, null);
      const svc = base === undefined ? undefined : serviceNode(base.doc, fix.service);
      if (base === undefined || svc === undefined)
        throw new UserError(
          'health-fix-no-service',
          `Service ${fix.service} is not in stack ${fix.stack} in git; fix it by hand.`,
        );
      applyEdit(base.doc, svc, edit);
      if (!(await saveComposeFile(stackDir, base))) throw new UserError('health-fix-noop', unchanged);
    },
    body: () =>
      [
        `/health proposed this change (requested by ${requestedBy}).`,
        '',
        `- Stack \`${fix.stack}\`, service \`${fix.service}\``,
        `- \`${fix.field}\` → \`${fix.value}\``,
        `- Why: ${fix.reason}`,
        '',
        'After merging, redeploy the stack (`docker compose up -d`) and run /health again.',
      ].join('\n'),
  });
  return pr;
}
