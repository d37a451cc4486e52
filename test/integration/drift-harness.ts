import type { AppConfig, HostConfig } from '../../src/config/schema.js';
import { appConfigSchema } from '../../src/config/schema.js';
import type { AuditDeps } from '../../src/drift/run-audit.js';
import { snapshotBranch } from '../../src/git/snapshot-branch.js';
import { connectDockerHost } from '../../src/infra/docker-over-ssh.js';
import type { Logger } from '../../src/log.js';
import type { Lab } from '../../lab/index.js';
import { freePort } from '../../lab/lab-paths.js';
import { hostConfigOf } from './infra-helpers.js';

/** A validated config auditing the lab's hosts (host `.env` read) plus any `extraHosts`. */
export function labAuditConfig(lab: Lab, extraHosts: readonly HostConfig[] = []): AppConfig {
  const hosts = [...lab.hosts.map((h) => hostConfigOf(h, {}, { readHostEnv: true })), ...extraHosts];
  return appConfigSchema.parse({ hosts, apps: { url: `file://${lab.apps.remote}`, branch: 'main' } });
}

/** Audit dependencies wired to the real lab: SSH + Docker via `src/infra`, snapshots via real git. */
export function labAuditDeps(lab: Lab, config: AppConfig, log: Logger): AuditDeps {
  const apps = config.apps;
  if (apps === undefined) throw new Error('config without apps');
  return {
    config,
    connect: (host) => connectDockerHost(host, { log }),
    snapshot: () => snapshotBranch(apps, `${lab.stateDir}/audit-cache`),
    now: () => Date.now(),
    log,
  };
}

/** A host entry whose SSH port has nothing listening. */
export async function closedPortHost(lab: Lab): Promise<HostConfig> {
  const h = lab.hosts[0];
  if (h === undefined) throw new Error('lab without hosts');
  return hostConfigOf(h, { port: await freePort() }, { name: 'ct-gone-01', endpoint: 'gone01' });
}

/** A copy of host 1 that expects another host key. */
export function wrongKeyHost(lab: Lab): HostConfig {
  const h = lab.hosts[0];
  if (h === undefined) throw new Error('lab without hosts');
  return hostConfigOf(
    h,
    { hostKeyFingerprint: `SHA256:${'A'.repeat(43)}` },
    { name: 'ct-impostor-01', endpoint: 'impostor01' },
  );
}
