import type { ChatConfig } from '../config/schema.js';
import type { ReportTarget } from '../jobs/run-scheduled.js';

/** Where scheduled reports go: each configured platform's report channel. */
export function reportTargets(chat: ChatConfig): ReportTarget[] {
  return [
    ...(chat.discord === undefined ? [] : [{ platform: 'discord' as const, channelId: chat.discord.reportChannelId }]),
    ...(chat.slack === undefined ? [] : [{ platform: 'slack' as const, channelId: chat.slack.channelId }]),
  ];
}
