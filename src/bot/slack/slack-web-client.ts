import { webApi } from '@slack/bolt';
import { defaultCallTimeouts } from '../../config/timeouts-schema.js';
import type { Logger } from '../../log.js';
import { toSlackLogger } from './slack-logger.js';

export interface SlackWebClientSettings {
  readonly botToken: string;
  /** Base URL of the Web API (`https://slack.com/api/` by default; the emulator's in tests). */
  readonly apiUrl?: string | undefined;
  /**
   * Retries for HTTP failures and 429s (honouring Retry-After). Default 3 with 1–10 s backoff
   * instead of the SDK's ≈ 10 over 30 minutes, so a job fails and BullMQ retries it instead of
   * hanging. Tests pass 0.
   */
  readonly retries?: number | undefined;
  /** Limit of one Web API request (config `timeouts.chat`, default 15 s). */
  readonly timeoutMs?: number | undefined;
}

/** The Web API client options shared by `SlackChat` (workers) and the Bolt `App` (adapter). */
export function slackClientOptions(
  settings: Omit<SlackWebClientSettings, 'botToken'>,
  logger: Logger,
): webApi.WebClientOptions {
  return {
    logger: toSlackLogger(logger),
    ...(settings.apiUrl === undefined ? {} : { slackApiUrl: settings.apiUrl }),
    timeout: settings.timeoutMs ?? defaultCallTimeouts.chat,
    retryConfig: { retries: settings.retries ?? 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000 },
  };
}

/** A bot-token WebClient for posting without a receiver (workers). */
export function createSlackWebClient(settings: SlackWebClientSettings, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, slackClientOptions(settings, logger));
}
