import type { AnswerHandle } from '../../chat/chat-port.js';
import { defaultCallTimeouts } from '../../config/timeouts-schema.js';
import { ExternalError } from '../../errors.js';
import { createSealer, type Sealer } from '../../secrets/seal-secret.js';
import { toMrkdwn } from './slack-mrkdwn.js';

/** Slack: a `response_url` takes up to 5 answers within 30 minutes of the command. */
export const responseUrlTtlMs = 30 * 60_000;

/** The sealer of Slack answer handles: its key comes from the bot token. */
export const slackAnswerSealer = (botToken: string): Sealer => createSealer(botToken, 'answer-handle:slack');

/**
 * The answer handle of a slash command received at `receivedAt`: its `response_url`, sealed.
 * Slack shows nothing pending after an empty ack, so there is no "Queued" line to complete.
 */
export function toSlackAnswer(
  sealer: Sealer,
  responseUrl: string | undefined,
  receivedAt: Date,
): AnswerHandle | undefined {
  if (responseUrl === undefined || responseUrl === '') return undefined;
  return {
    expiresAt: new Date(receivedAt.getTime() + responseUrlTtlMs).toISOString(),
    pending: false,
    sealedToken: sealer.seal(responseUrl),
  };
}

const refused = (detail: string): ExternalError =>
  new ExternalError('slack-api', `Slack refused the private answer${detail}`, { retryable: false });

/**
 * Posts `text` to the handle's `response_url` as an ephemeral answer (only the invoker sees it).
 * Failures name the HTTP status only: the URL is the credential.
 */
export async function postLateAnswer(
  sealer: Sealer,
  handle: AnswerHandle,
  text: string,
  timeoutMs = defaultCallTimeouts.chat,
): Promise<void> {
  const url = sealer.open(handle.sealedToken);
  if (url === undefined) throw refused(': the saved answer handle does not open with this bot token');
  let status: number;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: toMrkdwn(text) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    status = res.status;
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new ExternalError(
      'slack-unreachable',
      `Could not reach Slack for the private answer${timedOut ? ': it did not answer in time' : ''}`,
    );
  }
  if (status < 200 || status >= 300) throw refused(` (HTTP ${String(status)})`);
}
