import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { appsSchema } from '../../src/config/apps-schema.js';
import type { AppConfig } from '../../src/config/schema.js';
import type { DriftItem } from '../../src/drift/drift-item.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { snapshotBranch } from '../../src/git/snapshot-branch.js';
import type { Forge } from '../../src/forge/forge.js';
import { driftAuditProcessor } from '../../src/commands/drift/drift-audit-processor.js';
import { wired, realAuditConnections } from './wired.js';
import { remediationProcessors } from '../../src/commands/remediation/remediation-processors.js';
import { remediationJobDeps } from '../../src/commands/remediation/remediation-wiring.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import type { Lab } from '../../lab/index.js';
import type { StackOptions } from './discord-stack.js';
import { labAuditConfig, labAuditDeps } from './drift-harness.js';
import { bindJobs } from '../../src/commands/registry.js';

const log = silentLogger();
const run = promisify(execFile);

/** The lab audit config pointed at another apps repo (and forge settings). */
export function remediationConfig(lab: Lab, apps: Record<string, unknown>): AppConfig {
  const base = labAuditConfig(lab);
  return { ...base, apps: appsSchema.parse({ branch: 'main', ...apps }) };
}

/** A worker with the real drift audit (Open PR buttons on) and the real remediation processors. */
export function startRemediationWorker(
  o: StackOptions,
  lab: Lab,
  config: AppConfig,
  forge: Forge,
  name: string,
): { stores: Stores; chat: DiscordChat; stop(): Promise<void> } {
  const stores = createStores({ redisUrl: o.redisUrl, prefix: o.prefix });
  const chat = new DiscordChat({ token: o.emu.token, apiUrl: o.emu.apiUrl, logger: log });
  // One cache per apps repo: a cached checkout keeps fetching from the URL it was cloned from.
  const cacheDir = `${lab.stateDir}/remediation-cache-${name}`;
  const auditDeps = { ...labAuditDeps(lab, config, log), snapshot: () => snapshotBranch(config.apps!, cacheDir) };
  const audit = driftAuditProcessor({ audit: (options) => runAudit(auditDeps, options), openPrButtons: true });
  const deps = remediationJobDeps(config, {
    trail: stores.auditTrailStore,
    forge,
    log,
    cacheDir,
    connections: realAuditConnections(log),
  });
  const worker = startWorker({
    redisUrl: o.redisUrl,
    prefix: `${o.prefix}bull`,
    jobs: bindJobs({ ...wired(stores), 'drift.audit': audit, ...remediationProcessors(deps) }),
    chats: { discord: chat },
    ...stores,
    log,
  });
  return {
    stores,
    chat,
    stop: async () => {
      await worker.close();
      await stores.close();
    },
  };
}

/** Drift items of one service from a fresh audit (unverifiable ones left out). */
export async function serviceDrift(lab: Lab, config: AppConfig, stack: string, service: string): Promise<DriftItem[]> {
  const fresh = `${lab.stateDir}/reaudit-${Date.now()}`;
  const result = await runAudit(
    { ...labAuditDeps(lab, config, log), snapshot: () => snapshotBranch(config.apps!, fresh) },
    { stack },
  );
  return result.report.items.filter((i) => i.service === service && i.severity !== 'unverifiable');
}

/** Runs git against a bare repository. */
export const bareGit = async (bare: string, args: readonly string[]): Promise<string> =>
  (await run('git', ['--git-dir', bare, ...args], { encoding: 'utf8' })).stdout;

/** Every tracked file of a checkout, path → text (to seed the GitHub emulator with the lab's apps repo). */
export async function trackedFiles(dir: string): Promise<Record<string, string>> {
  const list = (await run('git', ['-C', dir, 'ls-files'], { encoding: 'utf8' })).stdout
    .split('\n')
    .filter((f) => f !== '');
  const files: Record<string, string> = {};
  for (const f of list) files[f] = await readFile(`${dir}/${f}`, 'utf8');
  return files;
}

/** The custom id of the button labelled `label` (prefix match) on a message. */
export function buttonOf(m: StoredMessage, label: string): string {
  for (const row of m.components as { components?: { custom_id?: string; label?: string }[] }[]) {
    const hit = row.components?.find((c) => c.label?.startsWith(label) === true);
    if (hit?.custom_id !== undefined) return hit.custom_id;
  }
  throw new Error(`no "${label}" button on message ${m.id}: ${JSON.stringify(m.components)}`);
}

/** Whether every button on the message is disabled. */
export const buttonsDisabled = (m: StoredMessage): boolean =>
  (m.components as { components?: { disabled?: boolean }[] }[]).every((row) =>
    (row.components ?? []).every((c) => c.disabled === true),
  );

export const isPrivate = (m: StoredMessage): boolean => (m.flags & 64) !== 0;
