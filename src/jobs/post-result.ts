import type { ChatPort } from '../chat/chat-port.js';
import type { Logger } from '../log.js';
import { renderReport } from '../report/render-report.js';
import type { Report } from '../report/report.js';
import type { RunRecord, RunStore } from '../store/run-store.js';

/**
 * Posts the run's result into its thread once: when a previous attempt already posted,
 * the stored message is edited instead, so a retried or re-picked job never posts twice.
 */
export async function postResult(
  chat: ChatPort,
  run: RunRecord,
  report: Report,
  runStore: RunStore,
): Promise<RunRecord> {
  const message = renderReport(report, run.platform);
  if (run.resultMessage !== undefined) {
    await chat.edit(run.resultMessage, message);
    return run;
  }
  const thread = { platform: run.platform, channelId: run.channelId, threadId: run.threadId };
  const posted = await chat.post(thread, message);
  return runStore.update(run.runId, { resultMessage: posted });
}

/** Best effort: edits the "⏳ Queued" line; a failure here must not fail the job. */
export async function setStatusLine(chat: ChatPort, run: RunRecord, text: string, log: Logger): Promise<void> {
  if (run.statusMessage === undefined) return;
  try {
    await chat.edit(run.statusMessage, { text });
  } catch (error) {
    log.warn({ err: error }, 'status edit failed');
  }
}
