import type { WebAPICallResult } from '@slack/web-api';
import { checkBlocks } from './slack-block-check.js';
import { jsonArg, stringArg } from './slack-parse.js';
import type { FakeMessage, SlackStore } from './slack-store.js';

/** Fixed identities of the fake workspace and its bot. */
export const fakeIds = {
  teamId: 'T0FAKE001',
  botUserId: 'U0BOT0001',
  botId: 'B0BOT0001',
  appId: 'A0APP0001',
} as const;

/** What a Web API method sees: the store, the fake's base URL and the caller's token kind. */
export interface WebApiContext {
  readonly store: SlackStore;
  readonly baseUrl: string;
  /** For `apps.connections.open`: a fresh `ws://` URL. */
  readonly socketUrl: () => string;
}

export type WebApiMethod = (args: Record<string, unknown>, ctx: WebApiContext) => WebAPICallResult;

export const fail = (error: string): WebAPICallResult & { error: string } => ({ ok: false, error });

/**
 * The message object Slack returns and embeds in block_actions payloads. The generated
 * `*Response` message types disagree with each other on `blocks` (and fight
 * `exactOptionalPropertyTypes`), so the message is built once and cast at each response;
 * the top-level response fields stay type-checked.
 */
export function messageJson(m: FakeMessage) {
  const json = {
    type: 'message',
    text: m.text,
    user: m.user,
    ts: m.ts,
    team: fakeIds.teamId,
    blocks: m.blocks,
    ...(m.botId === undefined ? {} : { bot_id: m.botId, app_id: fakeIds.appId }),
    ...(m.threadTs === undefined ? {} : { thread_ts: m.threadTs }),
    ...(m.fileIds.length === 0 ? {} : { files: m.fileIds.map((id) => ({ id })) }),
  };
  return json;
}

export const channelPattern = /^[CDG][A-Z0-9]+$/;

export function contentOf(args: Record<string, unknown>): { text: string; blocks: unknown[] } | string {
  const blocks = jsonArg<unknown[]>(args['blocks'], []);
  const problem = checkBlocks(blocks);
  if (problem !== undefined) return `invalid_blocks: ${problem}`;
  const text = stringArg(args['text']) ?? '';
  if (text === '' && blocks.length === 0) return 'no_text';
  return { text, blocks };
}

/**
 * `chat.postMessage` `metadata`: a JSON object (or its string) with a string `event_type` and an
 * object `event_payload`; undefined when absent, 'invalid' otherwise (Slack: invalid_metadata_format).
 */
export function metadataOf(value: unknown): FakeMessage['metadata'] | 'invalid' {
  if (value === undefined || value === '') return undefined;
  let parsed: unknown;
  try {
    parsed = jsonArg<unknown>(value, undefined);
  } catch {
    return 'invalid';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'invalid';
  const { event_type: type, event_payload: payload } = parsed as Record<string, unknown>;
  if (typeof type !== 'string' || !/^[a-z0-9_]+$/.test(type)) return 'invalid';
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'invalid';
  return { event_type: type, event_payload: payload as Record<string, unknown> };
}
