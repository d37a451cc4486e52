import type { AppConfig, ChatConfig } from '../../config/schema.js';
import { driftAuditDeps } from '../../drift/cli-audit.js';
import { runAudit } from '../../drift/run-audit.js';
import type { Logger } from '../../log.js';
import type { ReportTarget } from '../run-scheduled.js';
import type { ScheduledTask } from '../scheduled-task.js';
import type { AuditObserver } from './drift-processors.js';
import { scheduledDriftAudit } from './scheduled-drift-audit.js';

/** Where scheduled reports go: each configured platform's report channel. */
export function reportTargets(chat: ChatConfig): ReportTarget[] {
  return [
    ...(chat.discord === undefined ? [] : [{ platform: 'discord' as const, channelId: chat.discord.reportChannelId }]),
    ...(chat.slack === undefined ? [] : [{ platform: 'slack' as const, channelId: chat.slack.channelId }]),
  ];
}

/** The tasks this worker can run on a schedule, given the config (the drift audit needs `apps`). */
export function scheduledTasks(config: AppConfig, log: Logger, onAudit?: AuditObserver): ScheduledTask[] {
  const tasks: ScheduledTask[] = [];
  if (config.apps !== undefined) {
    tasks.push(scheduledDriftAudit(async () => {
      const result = await runAudit(driftAuditDeps(config, { log }), {});
      onAudit?.(result, {});
      return result;
    }));
  }
  return tasks;
}
