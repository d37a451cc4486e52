import { webApi } from '@slack/bolt';
import { ExternalError } from '../../errors.js';

/**
 * Runs one Web API call and wraps SDK errors at the port (no Slack error type escapes this
 * folder). Platform errors (`ok:false`, e.g. `channel_not_found`) are not retryable; transport
 * failures and rate limits are.
 */
export async function callSlack<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof webApi.WebAPIPlatformError) {
      throw new ExternalError('slack-api', `Slack ${method} failed: ${error.data.error}`, {
        retryable: false,
        cause: error,
        context: { method, slackError: error.data.error },
      });
    }
    // A request error wraps the transport's (axios: `timeout of 15000ms exceeded`, ECONNREFUSED).
    const original = (error as { original?: unknown } | undefined)?.original;
    const timedOut = original instanceof Error && /timeout/i.test(original.message);
    throw new ExternalError(
      'slack-unreachable',
      `Slack ${method} failed${timedOut ? ': the Slack API did not answer in time' : ''}`,
      { cause: error, context: { method } },
    );
  }
}
