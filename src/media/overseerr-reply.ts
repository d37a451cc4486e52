import type { z } from 'zod';
import { ExternalError } from '../errors.js';
import type { OverseerrReply } from './overseerr-http.js';
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

/** Maps a non-2xx reply to a stable ExternalError code. */
export function toReplyError(reply: OverseerrReply, what: string): ExternalError {
  const message = replyMessage(reply);
  const context = { what, status: reply.status, ...(message === undefined ? {} : { message }) };
  if (reply.status === 401 || reply.status === 403) {
    return new ExternalError('overseerr-auth', 'Overseerr rejected the API key (check media.overseerr.apiKey).', { context, retryable: false });
  }
  if (reply.status === 404) {
    return new ExternalError('overseerr-not-found', `Overseerr has no such ${what}.`, { context, retryable: false });
  }
  if (reply.status === 502 || reply.status === 503 || reply.status === 504) {
    return new ExternalError('overseerr-unreachable', `Overseerr is unreachable (HTTP ${reply.status}).`, { context });
  }
  const detail = message === undefined ? '' : `: ${message}`;
  return new ExternalError('overseerr-failed', `Overseerr failed on ${what} (HTTP ${reply.status})${detail}`, {
    context,
    retryable: reply.status >= 500,
  });
}

/** Returns the parsed 2xx body or throws the mapped error. */
export function expectOk<S extends z.ZodType>(reply: OverseerrReply, schema: S, what: string): z.infer<S> {
  if (reply.status < 200 || reply.status > 299) throw toReplyError(reply, what);
  const parsed = schema.safeParse(reply.body);
  if (!parsed.success) {
    throw new ExternalError('overseerr-bad-response', `Overseerr sent an unexpected ${what} response.`, {
      context: { what, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) },
      retryable: false,
    });
  }
  return parsed.data;
}

const NETWORK: ReadonlySet<string> = new Set(['refused', 'dns', 'tls', 'unreachable']);

/** `timeout` or `unreachable` when Overseerr could not be asked at all (network, or a proxy's 502–504). */
export function overseerrDown(error: unknown): 'timeout' | 'unreachable' | undefined {
  if (error instanceof ServiceCallError && error.service === 'overseerr') {
    if (error.failure === 'timeout') return 'timeout';
    return NETWORK.has(error.failure) ? 'unreachable' : undefined;
  }
  if (error instanceof ExternalError && error.code === 'overseerr-unreachable') return 'unreachable';
  if (error instanceof ExternalError && error.code === 'overseerr-timeout') return 'timeout';
  return undefined;
}
