import { readFile } from 'node:fs/promises';
import { composeContainer } from './compose-edit.js';
import type { LabApps } from './apps-repo.js';
import type { LabHost } from './lab-host.js';
import type { DriftTarget, PlantedDrift, ServiceRef } from './plant-drift.js';

/** Starts a container that no compose project owns (`docker run -d --name <name>`). */
export async function startUnmanaged(host: LabHost, name = 'stray', image = 'busybox:1.36.1'): Promise<PlantedDrift> {
  const result = await host.docker(['run', '-d', '--name', name, '--restart', 'unless-stopped', image, 'sleep', '1d']);
  if (result.code !== 0) throw new Error(`docker run ${name} failed: ${result.stderr}`);
  return { kind: 'unmanaged', host: host.name, stack: '', container: name, field: 'container', after: image };
}

/** Stops the container of a service (it stays, in state `exited`). */
export async function stopService(lab: DriftTarget, ref: ServiceRef): Promise<PlantedDrift> {
  const host = lab.hostForStack(ref.stack);
  const container = await composeContainer(host, ref.stack, ref.service);
  const result = await host.docker(['stop', '-t', '1', container]);
  if (result.code !== 0) throw new Error(`docker stop ${container} failed: ${result.stderr}`);
  return { kind: 'stopped', host: host.name, ...ref, container, field: 'state', before: 'running', after: 'exited' };
}

/** Removes the container of a service (the service is then missing). */
export async function removeService(lab: DriftTarget, ref: ServiceRef): Promise<PlantedDrift> {
  const host = lab.hostForStack(ref.stack);
  const container = await composeContainer(host, ref.stack, ref.service);
  const result = await host.docker(['rm', '-f', container]);
  if (result.code !== 0) throw new Error(`docker rm ${container} failed: ${result.stderr}`);
  return { kind: 'missing', host: host.name, ...ref, field: 'container', before: container };
}

/** Pushes a commit that makes `stacks/<stack>/docker-compose.yml` invalid YAML. */
export async function breakStackYaml(lab: { readonly apps: LabApps }, stack: string): Promise<PlantedDrift> {
  const path = `stacks/${stack}/docker-compose.yml`;
  const after = 'services:\n  broken: [unclosed\n    image: "busybox:1.36.1\n';
  const commit = await lab.apps.commit(`chore(${stack}): wip`, { [path]: after });
  return { kind: 'broken-yaml', stack, field: path, after, commit };
}

/**
 * Pushes a new stack that no host runs. With `endpoint`, it is also listed in
 * `stack-targets.yml` (then it is "missing" on that endpoint rather than merely stale).
 */
export async function addStaleStack(
  lab: { readonly apps: LabApps },
  stack = 'legacy-heimdall',
  endpoint?: string,
): Promise<PlantedDrift> {
  const compose = `services:\n  heimdall:\n    image: busybox:1.36.1\n    restart: unless-stopped\n`;
  const files: Record<string, string> = {
    [`stacks/${stack}/docker-compose.yml`]: compose,
    [`stacks/${stack}/.env.sample`]: 'TZ=Europe/Berlin\n',
  };
  if (endpoint !== undefined) {
    const targets = await readFile(`${lab.apps.clone}/stack-targets.yml`, 'utf8');
    files['stack-targets.yml'] = `${targets}${stack}: ${endpoint}\n`;
  }
  const commit = await lab.apps.commit(`feat(${stack}): add stack`, files);
  return { kind: 'stale-stack', stack, field: `stacks/${stack}`, after: compose, commit };
}
