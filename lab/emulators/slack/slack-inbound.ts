import { createHmac } from 'node:crypto';
import type { FakeMessage } from './slack-store.js';
import { fakeIds, messageJson } from './slack-web-common.js';

/** How the bot answered one inbound request (HTTP response or Socket Mode ack). */
export interface DeliveryResult {
  /** HTTP status; for Socket Mode 200 once acked. 0 when the 3 s window passed without an answer. */
  readonly status: number;
  /** Response body (HTTP) or the ack's `payload` as JSON (Socket Mode); '' when empty. */
  readonly body: string;
  /** True when the bot did not answer within Slack's 3 s; real Slack shows the user an error. */
  readonly timedOut: boolean;
}

/** Slack gives the app 3 s to acknowledge a slash command or an interaction. */
export const ackWindowMs = 3000;

/** `v0=<hex HMAC-SHA256(secret, "v0:<ts>:<body>")>` (Bolt `verify-request.ts`). */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface RawPostOptions {
  readonly signature?: string;
  readonly timestamp?: number;
  /** Defaults to exactly `application/x-www-form-urlencoded` (Bolt rejects a charset suffix). */
  readonly contentType?: string;
  /** Slack's retry marker (`X-Slack-Retry-Num`, with `X-Slack-Retry-Reason`), as on a redelivery. */
  readonly retryNum?: number;
}

/** POSTs `body` to the bot as Slack would; signs it unless a signature is given. */
export async function postToBot(
  url: string,
  secret: string,
  body: string,
  options: RawPostOptions = {},
): Promise<DeliveryResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = {
    'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded',
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': options.signature ?? signBody(secret, timestamp, body),
    ...(options.retryNum === undefined
      ? {}
      : { 'X-Slack-Retry-Num': String(options.retryNum), 'X-Slack-Retry-Reason': 'http_timeout' }),
  };
  try {
    const res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(ackWindowMs) });
    return { status: res.status, body: await res.text(), timedOut: false };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { status: 0, body: '', timedOut: true };
    throw error;
  }
}

export interface SlashInput {
  readonly user: string;
  readonly userName: string;
  readonly command: string;
  readonly text: string;
  readonly channel: string;
  readonly responseUrl: string;
  readonly triggerId: string;
}

/** The slash-command fields Slack sends (form-encoded over HTTP, a JSON object over Socket Mode). */
export function slashFields(input: SlashInput): Record<string, string> {
  return {
    token: 'legacy',
    team_id: fakeIds.teamId,
    team_domain: 'fake',
    channel_id: input.channel,
    channel_name: 'ops',
    user_id: input.user,
    user_name: input.userName,
    command: input.command,
    text: input.text,
    api_app_id: fakeIds.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

export interface ActionInput {
  readonly user: string;
  readonly userName: string;
  readonly message: FakeMessage;
  readonly action: Record<string, unknown>;
  readonly responseUrl: string;
  readonly triggerId: string;
}

/** A `block_actions` payload for a click on a (non-ephemeral) bot message. */
export function blockActionsPayload(input: ActionInput): Record<string, unknown> {
  const m = input.message;
  const thread = m.threadTs === undefined ? {} : { thread_ts: m.threadTs };
  return {
    type: 'block_actions',
    user: { id: input.user, username: input.userName, name: input.userName, team_id: fakeIds.teamId },
    api_app_id: fakeIds.appId,
    token: 'legacy',
    trigger_id: input.triggerId,
    team: { id: fakeIds.teamId, domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    container: { type: 'message', message_ts: m.ts, channel_id: m.channel, is_ephemeral: false, ...thread },
    channel: { id: m.channel, name: 'ops' },
    message: messageJson(m),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [{ ...input.action, action_ts: (Date.now() / 1000).toFixed(6) }],
  };
}

/** Finds the element with `actionId` in the message's actions blocks (undefined for a forged id). */
export function findElement(message: FakeMessage, actionId: string): Record<string, unknown> | undefined {
  for (const block of message.blocks as { type?: string; block_id?: string; elements?: Record<string, unknown>[] }[]) {
    if (block.type !== 'actions') continue;
    const el = block.elements?.find((e) => e['action_id'] === actionId);
    if (el !== undefined) return { ...el, block_id: block.block_id ?? 'actions' };
  }
  return undefined;
}
