import type { ActionButton, Attachment, SelectMenu } from '../chat/chat-port.js';

/** Overall state of a run, shown as the first word/emoji of a report. */
/** `refused`: the command was declined (not configured, not allowed, bad input); the summary says why. */
export type ReportStatus = 'queued' | 'running' | 'ok' | 'warning' | 'failed' | 'error' | 'refused';

/**
 * A platform-neutral result: processors build Reports, `renderReport` turns them into
 * `OutgoingMessage`s that fit each platform's limits (long text goes to an attachment).
 */
export interface Report {
  readonly title: string;
  readonly status: ReportStatus;
  readonly summary?: string;
  readonly lines?: readonly string[];
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly attachments?: readonly Attachment[];
  readonly actions?: readonly ActionButton[];
  /** A select menu under the report (e.g. search results to pick from). */
  readonly select?: SelectMenu;
}

export const statusIcon: Readonly<Record<ReportStatus, string>> = {
  queued: '⏳',
  running: '🔄',
  ok: '✅',
  warning: '⚠️',
  failed: '❌',
  error: '💥',
  refused: '🚫',
};
