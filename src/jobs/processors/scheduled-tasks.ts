import { healthTimeoutMs } from '../../checks/build-checks.js';
import { runHealth } from '../../checks/run-health.js';
import type { AppConfig, ChatConfig } from '../../config/schema.js';
import { driftAuditDeps } from '../../drift/cli-audit.js';
import { connectDockerHost } from '../../infra/index.js';
import { runAudit } from '../../drift/run-audit.js';
import type { Logger } from '../../log.js';
import type { QbtLoginGate } from '../../media/qbittorrent-login-gate.js';
import type { HealthStore } from '../../store/health-store.js';
import type { ReportTarget } from '../run-scheduled.js';
import type { ScheduledTask } from '../scheduled-task.js';
import type { AuditObserver } from './drift-processors.js';
import { scheduledDriftAudit } from './scheduled-drift-audit.js';
import { scheduledHealth } from './scheduled-health.js';

/** What scheduled runs report to besides chat. */
export interface ScheduledTaskHooks {
  /** Told about every scheduled audit (metrics). */
  readonly onAudit?: AuditObserver;
  /** Where a scheduled health run is cached (as `/health` does). */
  readonly healthStore?: HealthStore;
  /** Refused qBittorrent logins shared with /health (Redis). */
  readonly qbtGate?: QbtLoginGate;
}

/** Where scheduled reports go: each configured platform's report channel. */
export function reportTargets(chat: ChatConfig): ReportTarget[] {
  return [
    ...(chat.discord === undefined ? [] : [{ platform: 'discord' as const, channelId: chat.discord.reportChannelId }]),
    ...(chat.slack === undefined ? [] : [{ platform: 'slack' as const, channelId: chat.slack.channelId }]),
  ];
}

/** The tasks this worker can run on a schedule: the drift audit needs `apps`, the health run `media`. */
export function scheduledTasks(config: AppConfig, log: Logger, hooks: ScheduledTaskHooks = {}): ScheduledTask[] {
  const { onAudit, healthStore, qbtGate } = hooks;
  const tasks: ScheduledTask[] = [];
  if (config.apps !== undefined) {
    tasks.push(scheduledDriftAudit(async () => {
      const result = await runAudit(driftAuditDeps(config, { log }), {});
      onAudit?.(result, {});
      return result;
    }));
  }
  if (config.media !== undefined) {
    const timeoutMs = healthTimeoutMs(config);
    tasks.push(scheduledHealth({
      run: () => runHealth({ media: config.media, timeoutMs, log, hosts: config.hosts, connect: (host) => connectDockerHost(host, { log }), ...(qbtGate === undefined ? {} : { qbtGate }) }), timeoutMs, log, ...(healthStore === undefined ? {} : { store: healthStore }) }));
  }
  return tasks;
}
