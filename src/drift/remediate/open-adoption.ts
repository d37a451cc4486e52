import { join } from 'node:path';
import { UserError } from '../../errors.js';
import type { PullRequest } from '../../forge/forge.js';
import { openChange, REMEDIATION_LABEL } from '../../remediation/open-change.js';
import type { AuditResult } from '../audit-report.js';
import { normalizeProjectName } from '../load-stack.js';
import type { ObservedContainer } from '../model.js';
import { addService, addStackTarget } from './add-service.js';
import { adoptService, unmanagedContainerOf, type AdoptedService } from './adopt-service.js';
import type { RemediationDeps } from './open-remediation.js';
import { minuteStamp, utcMinute } from './utc-minute.js';
import { checkWriteBack, renderStack } from './write-back-check.js';

/** Which container to adopt into which stack. */
export interface AdoptionTarget {
  readonly container: string;
  readonly stack: string;
  readonly host?: string | undefined;
  readonly requestedBy: string;
}

export interface OpenedAdoption {
  readonly pr: PullRequest;
  readonly host: string;
  readonly branch: string;
  readonly service: string;
  readonly files: readonly string[];
  readonly secretVars: readonly string[];
  readonly body: string;
}

const STACK_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** The unmanaged container `name` of the audit (on `host` when given), or a refusal naming the candidates. */
function findUnmanaged(result: AuditResult, target: AdoptionTarget): { host: string; container: ObservedContainer } {
  const items = result.report.items.filter(
    (i) => i.kind === 'unmanaged-container' && (target.host === undefined || i.host === target.host),
  );
  const found = items.map((i) => ({ item: i, container: unmanagedContainerOf(i, result.observed) }));
  const match = found.find((f) => f.container?.name === target.container);
  const hit = match?.item;
  const container = match?.container;
  if (hit === undefined || container === undefined) {
    const names =
      found.map((f) => `${f.container?.name ?? f.item.service ?? '?'} (${f.item.host})`).join(', ') || 'none';
    throw new UserError(
      'not-unmanaged',
      `${target.container} is not an unmanaged container${target.host === undefined ? '' : ` on ${target.host}`}, so there is nothing to adopt. Unmanaged containers: ${names}.`,
    );
  }
  return { host: hit.host, container };
}

/** `feat/adopt-<container>-<yyyymmddhhmm>` (UTC). */
export const adoptBranch = (container: string, at: Date): string =>
  `feat/adopt-${container.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')}-${minuteStamp(at)}`;

function adoptionBody(target: AdoptionTarget, host: string, adopted: AdoptedService, project: string): string {
  const out = [
    `Adopts the container **${target.container}** running on **${host}** (started by hand, not by compose) into the stack **${target.stack}** as the service \`${adopted.name}\`, generated from its inspect data (requested by ${target.requestedBy}).`,
    '',
    `- \`container_name: ${target.container}\` matches the running container, so once this is merged the drift audit counts it as managed.`,
    `- Image defaults (environment, labels, command, healthcheck the image itself sets) and compose/runtime labels are left out.`,
    `- To hand it over to compose later: \`docker rm -f ${target.container} && docker-compose -p ${project} up -d ${adopted.name}\` on ${host}.`,
    '',
  ];
  if (adopted.secretVars.length > 0)
    out.push(
      'Secret values are never written to git: they are `${VAR}` references. Set these in the host `.env` (placeholders added to `.env.sample`):',
      '',
      ...adopted.secretVars.map((v) => `- \`${v}\``),
      '',
    );
  out.push('_Opened by homelab-bot (label `drift-remediation`)._', '');
  return out.join('\n');
}

/** The stack renders with the new service and every other service exactly as before. */
async function checkAdoption(
  on: Parameters<typeof renderStack>[0],
  before: Awaited<ReturnType<typeof renderStack>>,
  service: string,
): Promise<void> {
  const after = await renderStack(on);
  const broken =
    typeof after === 'string'
      ? `the stack would not load (${after})`
      : after.has(service)
        ? typeof before === 'string'
          ? undefined
          : checkWriteBack(before, after, service, new Map())
        : `service ${service} would not render`;
  if (broken !== undefined) throw new UserError('adopt-invalid', `The generated service cannot be added: ${broken}.`);
}

/**
 * Adoption (issue #23): audits the host, generates a compose service from the unmanaged
 * container's inspect data (`adoptService`), adds it to `stacks/<stack>` (a new stack is listed
 * in `stack-targets.yml`), checks that the stack still renders and no other service changes,
 * and opens a PR labelled `drift-remediation` (Approve merges it like any remediation PR).
 */
export async function openAdoption(deps: RemediationDeps, target: AdoptionTarget): Promise<OpenedAdoption> {
  if (!STACK_NAME.test(target.stack))
    throw new UserError(
      'bad-options',
      `"${target.stack}" is not a stack folder name: use lowercase letters, digits, - and _.`,
    );
  const result = await deps.audit({ host: target.host });
  const { host, container } = findUnmanaged(result, target);
  const endpoint = deps.hosts.find((h) => h.name === host)?.endpoint ?? null;
  const project = normalizeProjectName(target.stack);
  const adopted = adoptService(container, []);
  const branch = adoptBranch(target.container, utcMinute(deps.now()));
  const on = result.stackHosts?.get(`${host}/${target.stack}`);
  const title = `feat(${target.stack}): adopt ${target.container} as a compose service`;
  const opened = await openChange(deps, {
    branch,
    from: result.report.commit,
    title,
    labels: [REMEDIATION_LABEL],
    unchanged: `Nothing changed: ${target.stack} already describes ${target.container}.`,
    edit: async (clone) => {
      const stackDir = join(clone.dir, deps.apps.stacksDir, target.stack);
      const render = { stackDir, endpoint, hostEnv: on?.hostEnv, projectDir: on?.projectDir };
      const before = await renderStack(render);
      const files = await addService(stackDir, project, adopted);
      await checkAdoption(render, before, adopted.name);
      if (endpoint !== null && (await addStackTarget(clone.dir, target.stack, endpoint)))
        files.push('stack-targets.yml');
      return files;
    },
    body: () => adoptionBody(target, host, adopted, project),
  });
  return {
    pr: opened.pr,
    host,
    branch,
    service: adopted.name,
    files: opened.result,
    secretVars: adopted.secretVars,
    body: opened.body,
  };
}
