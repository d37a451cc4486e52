import { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { toSlackLogger } from './slack-logger.js';

export interface SlackWebClientSettings {
  readonly botToken: string;
  /** Base URL of the Web API (`https://slack.com/api/` by default; the emulator's in tests). */
  readonly apiUrl?: string | undefined;
  /** Retries for HTTP failures; default the SDK's (≈ 10 over 30 min). Tests pass 0. */
  readonly retries?: number | undefined;
}

/** The Web API client options shared by `SlackChat` (workers) and the Bolt `App` (adapter). */
export function slackClientOptions(settings: Omit<SlackWebClientSettings, 'botToken'>, logger: Logger): webApi.WebClientOptions {
  return {
    logger: toSlackLogger(logger),
    ...(settings.apiUrl === undefined ? {} : { slackApiUrl: settings.apiUrl }),
    ...(settings.retries === undefined ? {} : { retryConfig: { retries: settings.retries } }),
  };
}

/** A bot-token WebClient for posting without a receiver (workers). */
export function createSlackWebClient(settings: SlackWebClientSettings, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, slackClientOptions(settings, logger));
}
