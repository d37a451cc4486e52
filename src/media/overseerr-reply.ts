import type { z } from 'zod';
import { ExternalError } from '../errors.js';
import type { MediaReply as OverseerrReply } from './media-http.js';
import { ServiceCallError } from './network-failure.js';
import { messageSchema } from './overseerr-schemas.js';

/** The `message` (or `error`) text of an Overseerr error body, if any. */
export function replyMessage(reply: OverseerrReply): string | undefined {
  const parsed = messageSchema.safeParse(reply.body);
  if (!parsed.success) return undefined;
  return parsed.data.message ?? parsed.data.error;
}

/** True when a 401/403 came from the auth middleware (bad API key), not from a route. */
export function isAuthFailure(reply: OverseerrReply): boolean {
  if (reply.status === 401) return true;
  const parsed = messageSchema.safeParse(reply.body);
  return reply.status === 403 && parsed.success && parsed.data.error !== undefined;
}

/**
 * The request server's display name from the reply (`Overseerr` or `Jellyseerr`). Error codes stay
 * `overseerr-*` for both: they name the request-server role, not the product.
 */
const nameOf = (reply: { readonly site: { readonly service: string } } | undefined): string =>
  reply?.site.service ?? 'Overseerr';

/** Overseerr's auth middleware refused the API key itself. */
export const badKeyError = (context: Readonly<Record<string, unknown>>, name = 'Overseerr'): ExternalError =>
  new ExternalError(
    'overseerr-auth',
    `${name} rejected the bot's API key, so nothing was done. Fix: copy ${name} → Settings → General → API Key into media.${name.toLowerCase()}.apiKey and restart the bot.`,
    { context, retryable: false },
  );

/** The key is fine but `X-Api-User` names no Overseerr user (Overseerr answers both with the same 403). */
export const unknownUserError = (
  userId: number,
  context: Readonly<Record<string, unknown>>,
  name = 'Overseerr',
): ExternalError =>
  new ExternalError(
    'overseerr-unknown-user',
    `${name} has no user with id ${userId} (the ${name} account linked to you), so nothing was done. ` +
      `Fix: set people[].overseerrUserId to the id ${name} shows under Users (the number in the user's page address), or link by Discord id in the user's ${name} notification settings.`,
    { context: { ...context, userId }, retryable: false },
  );

/** Maps a non-2xx reply to a stable ExternalError code (a route's 403 with a message is a permission refusal, not the key). */
export function toReplyError(reply: OverseerrReply, what: string): ExternalError {
  const message = replyMessage(reply);
  const context = { what, status: reply.status, ...(message === undefined ? {} : { message }) };
  const name = nameOf(reply);
  if (isAuthFailure(reply) || (reply.status === 403 && message === undefined)) return badKeyError(context, name);
  if (reply.status === 403) {
    return new ExternalError('overseerr-forbidden', `${name} refused the ${what}: ${message ?? 'not allowed'}`, {
      context,
      retryable: false,
    });
  }
  if (reply.status === 404) {
    return new ExternalError('overseerr-not-found', `${name} has no such ${what}.`, { context, retryable: false });
  }
  if (reply.status === 502 || reply.status === 503 || reply.status === 504) {
    return new ExternalError('overseerr-unreachable', `${name} is unreachable (HTTP ${reply.status}).`, { context });
  }
  const detail = message === undefined ? '' : `: ${message}`;
  return new ExternalError('overseerr-failed', `${name} failed on ${what} (HTTP ${reply.status})${detail}`, {
    context,
    retryable: reply.status >= 500,
  });
}

/** Returns the parsed 2xx body or throws the mapped error. */
export function expectOk<S extends z.ZodType>(reply: OverseerrReply, schema: S, what: string): z.infer<S> {
  if (reply.status < 200 || reply.status > 299) throw toReplyError(reply, what);
  const parsed = schema.safeParse(reply.body);
  if (!parsed.success) {
    throw new ExternalError('overseerr-bad-response', `${nameOf(reply)} sent an unexpected ${what} response.`, {
      context: { what, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) },
      retryable: false,
    });
  }
  return parsed.data;
}

/**
 * After the auth middleware refused a call made as `X-Api-User`: asks `GET /auth/me` with the key
 * alone, once, to tell a wrong key from a user id Overseerr does not know.
 */
export async function explainAsUserRefusal(
  ask: () => Promise<OverseerrReply>,
  reply: OverseerrReply,
  asUser: number,
  what: string,
): Promise<ExternalError> {
  const context = { what, status: reply.status };
  const me = await ask();
  const name = nameOf(reply);
  return me.status >= 200 && me.status < 300 ? unknownUserError(asUser, context, name) : badKeyError(context, name);
}

const NETWORK: ReadonlySet<string> = new Set(['refused', 'dns', 'tls', 'unreachable']);

/** `timeout` or `unreachable` when Overseerr could not be asked at all (network, or a proxy's 502–504). */
export function overseerrDown(error: unknown): 'timeout' | 'unreachable' | undefined {
  if (error instanceof ServiceCallError && (error.service === 'overseerr' || error.service === 'jellyseerr')) {
    if (error.failure === 'timeout') return 'timeout';
    return NETWORK.has(error.failure) ? 'unreachable' : undefined;
  }
  if (error instanceof ExternalError && error.code === 'overseerr-unreachable') return 'unreachable';
  if (error instanceof ExternalError && error.code === 'overseerr-timeout') return 'timeout';
  return undefined;
}
