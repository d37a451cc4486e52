import type { RequestFlavor } from '../config/media-schema.js';
import { callMedia, type MediaReply, type MediaTarget } from './media-http.js';
import { explainAsUserRefusal, isAuthFailure } from './overseerr-reply.js';

/** What every Overseerr call needs; the API key never leaves this module except as a header. */
export interface OverseerrHttpOptions {
  /** Base URL, e.g. `http://overseerr.lan:5055`; a trailing `/api/v1` is tolerated. */
  readonly url: string;
  readonly apiKey: string;
  /** Per-call timeout; the call fails with `overseerr-timeout` after it. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  /** Jellyseerr (Overseerr's fork for Jellyfin) answers the same `/api/v1` routes; it names the service in errors. */
  readonly flavor?: RequestFlavor;
}

/** The display name of the request server (`Overseerr` or `Jellyseerr`); its lowercase form prefixes network error codes. */
export const requestServerName = (options: { readonly flavor?: RequestFlavor }): string =>
  options.flavor === 'jellyseerr' ? 'Jellyseerr' : 'Overseerr';

/** One HTTP call to `/api/v1`. */
export interface OverseerrCall {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** Sent as `X-Api-User`, so Overseerr applies that user's permissions and quota. */
  readonly asUser?: number;
  readonly signal?: AbortSignal | undefined;
}

/** The reply of the shared media HTTP layer. */
export type OverseerrReply = MediaReply;

/** Overseerr as a target of the shared media HTTP layer (`/api/v1` is part of each call's path). */
export function overseerrTarget(options: OverseerrHttpOptions): MediaTarget {
  return {
    service: requestServerName(options),
    url: options.url.replace(/\/+$/, '').replace(/\/api\/v1$/, ''),
    timeoutMs: options.timeoutMs,
    headers: { 'X-Api-Key': options.apiKey },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
}

/**
 * One Overseerr call over the shared media HTTP layer; network failures are `overseerr-<failure>`
 * ServiceCallErrors. A call made as `X-Api-User` that the auth middleware refuses throws
 * `overseerr-unknown-user` or `overseerr-auth` after checking the key alone.
 */
export async function callOverseerr(options: OverseerrHttpOptions, call: OverseerrCall): Promise<OverseerrReply> {
  const reply = await send(options, call);
  if (call.asUser === undefined || !isAuthFailure(reply)) return reply;
  throw await explainAsUserRefusal(
    () => send(options, { method: 'GET', path: '/auth/me', signal: call.signal }),
    reply,
    call.asUser,
    call.path,
  );
}

function send(options: OverseerrHttpOptions, call: OverseerrCall): Promise<OverseerrReply> {
  return callMedia(overseerrTarget(options), {
    method: call.method,
    path: `/api/v1${call.path}`,
    signal: call.signal,
    ...(call.query === undefined ? {} : { query: call.query }),
    ...(call.body === undefined ? {} : { body: call.body }),
    ...(call.asUser === undefined ? {} : { headers: { 'X-Api-User': String(call.asUser) } }),
  });
}
