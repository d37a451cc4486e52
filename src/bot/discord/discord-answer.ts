import { DiscordAPIError, HTTPError } from 'discord.js';
import type { AnswerHandle } from '../../chat/chat-port.js';
import { ExternalError } from '../../errors.js';
import { createSealer, type Sealer } from '../../secrets/seal-secret.js';

/** Discord: "Interaction tokens are valid for 15 minutes". */
export const interactionTokenTtlMs = 15 * 60_000;

/** The sealer of Discord answer handles: its key comes from the bot token. */
export const discordAnswerSealer = (botToken: string): Sealer => createSealer(botToken, 'answer-handle:discord');

/** What the sealed token holds. */
export interface DiscordReply {
  readonly applicationId: string;
  readonly token: string;
}

/**
 * The answer handle of a raw chat-input interaction, for a command deferred as an ephemeral
 * reply (type 5, flag 64) at `receivedAt`; undefined when the packet lacks the ids.
 */
export function toDiscordAnswer(
  sealer: Sealer,
  d: { readonly application_id?: unknown; readonly token?: unknown },
  receivedAt: Date,
): AnswerHandle | undefined {
  if (typeof d.application_id !== 'string' || typeof d.token !== 'string') return undefined;
  const reply: DiscordReply = { applicationId: d.application_id, token: d.token };
  return {
    expiresAt: new Date(receivedAt.getTime() + interactionTokenTtlMs).toISOString(),
    pending: true,
    sealedToken: sealer.seal(JSON.stringify(reply)),
  };
}

/** Application id and token of a handle; an `ExternalError` when it does not open with this bot token. */
export function openDiscordAnswer(sealer: Sealer, handle: AnswerHandle): DiscordReply {
  const plain = sealer.open(handle.sealedToken);
  const value = plain === undefined ? {} : (JSON.parse(plain) as Partial<Record<keyof DiscordReply, unknown>>);
  if (typeof value.applicationId !== 'string' || typeof value.token !== 'string')
    throw new ExternalError('discord-api', 'The saved answer handle does not open with this bot token', {
      retryable: false,
    });
  return { applicationId: value.applicationId, token: value.token };
}

/** A failed late answer as an `ExternalError` with Discord's status and code only: the request URL holds the token. */
export function toAnswerError(error: unknown): ExternalError {
  const status = error instanceof DiscordAPIError || error instanceof HTTPError ? error.status : undefined;
  const code = error instanceof DiscordAPIError ? error.code : undefined;
  const detail =
    status === undefined ? '' : ` (HTTP ${String(status)}${code === undefined ? '' : `, code ${String(code)}`})`;
  return new ExternalError('discord-api', `Discord refused the private answer${detail}`, {
    retryable: false,
    context: { ...(status === undefined ? {} : { status }), ...(code === undefined ? {} : { code }) },
  });
}
