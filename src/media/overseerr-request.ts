import { ExternalError } from '../errors.js';
import { callOverseerr, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk, isAuthFailure, replyMessage, toReplyError } from './overseerr-reply.js';
import { mediaRequestSchema, type OverseerrRequest } from './overseerr-schemas.js';

/** A new request, made as `asUser` (the linked Overseerr user id). */
export interface NewMediaRequest {
  readonly mediaType: 'movie' | 'tv';
  /** TMDB id. */
  readonly mediaId: number;
  /** TV only: season numbers or `'all'`. */
  readonly seasons?: readonly number[] | 'all';
  readonly is4k?: boolean;
  readonly asUser: number;
  readonly signal?: AbortSignal;
}

/** MediaRequestStatus: PENDING 1, APPROVED 2 (unknown numbers are possible on newer servers). */
export type RequestCreated = {
  readonly outcome: 'created';
  readonly approved: boolean;
  readonly request: OverseerrRequest;
};
/** Overseerr's 202: every asked season is already requested or available. */
export type NothingToRequest = { readonly outcome: 'nothing-to-request'; readonly message: string };
export type RequestResult = RequestCreated | NothingToRequest;

function toRequestError(
  name: string,
  status: number,
  message: string | undefined,
  context: Record<string, unknown>,
): ExternalError | undefined {
  const text = message ?? '';
  if (status === 403 && /quota/i.test(text)) {
    return new ExternalError('overseerr-quota', `${name} quota exceeded: ${text}`, { context, retryable: false });
  }
  if (status === 403) {
    return new ExternalError('overseerr-forbidden', `${name} refused the request: ${text || 'not allowed'}`, {
      context,
      retryable: false,
    });
  }
  if (status === 409) {
    return new ExternalError('overseerr-duplicate', `${name} already has this request: ${text || 'duplicate'}`, {
      context,
      retryable: false,
    });
  }
  return undefined;
}

/** `POST /request` with `X-Api-User` (never a body `userId`: that would auto-approve as the admin). */
export async function createRequest(options: OverseerrHttpOptions, input: NewMediaRequest): Promise<RequestResult> {
  const body = {
    mediaType: input.mediaType,
    mediaId: input.mediaId,
    ...(input.seasons === undefined ? {} : { seasons: input.seasons }),
    ...(input.is4k === undefined ? {} : { is4k: input.is4k }),
  };
  const reply = await callOverseerr(options, {
    method: 'POST',
    path: '/request',
    body,
    asUser: input.asUser,
    ...(input.signal === undefined ? {} : { signal: input.signal }),
  });
  if (reply.status === 202) {
    return { outcome: 'nothing-to-request', message: replyMessage(reply) ?? 'No seasons available to request' };
  }
  if (isAuthFailure(reply)) throw toReplyError(reply, 'request');
  const context = { mediaType: input.mediaType, mediaId: input.mediaId, asUser: input.asUser, status: reply.status };
  const mapped = toRequestError(reply.site.service, reply.status, replyMessage(reply), context);
  if (mapped !== undefined) throw mapped;
  const request = expectOk(reply, mediaRequestSchema, 'request');
  return { outcome: 'created', approved: request.status === 2, request };
}
