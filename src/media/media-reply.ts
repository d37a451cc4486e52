import type { z } from 'zod';
import { scrubSecrets } from './media-error.js';
import { replyError, type ServiceCallError } from './network-failure.js';
import type { MediaReply } from './media-http.js';

/** The server's explanation: `{message}`, or a Servarr validation list `[{errorMessage}]` (credentials masked). */
function serverMessage(body: unknown): string | undefined {
  const list = Array.isArray(body) ? body : [body];
  const texts = list
    .map((x) => {
      const o = (typeof x === 'object' && x !== null ? x : {}) as { message?: unknown; errorMessage?: unknown };
      return typeof o.errorMessage === 'string'
        ? o.errorMessage
        : typeof o.message === 'string'
          ? o.message
          : undefined;
    })
    .filter((t): t is string => t !== undefined && t !== '');
  return texts.length === 0 ? undefined : scrubSecrets(texts.join('; ')).slice(0, 300);
}

/** The error for a non-2xx reply: 401/403 → `unauthorized`, else `http-error` (with the server's message). */
export function statusError(reply: MediaReply): ServiceCallError {
  if (reply.status === 401 || reply.status === 403)
    return replyError(reply.site, 'unauthorized', { status: reply.status });
  const detail = serverMessage(reply.body);
  return replyError(reply.site, 'http-error', { status: reply.status, ...(detail === undefined ? {} : { detail }) });
}

/** Parses a JSON body with a permissive schema or throws `bad-response` naming the first problems. */
export function parseBody<S extends z.ZodType>(reply: MediaReply, schema: S): z.infer<S> {
  if (!reply.json) return badResponse(reply, 'The body is not JSON.');
  const parsed = schema.safeParse(reply.body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return badResponse(reply, issues.join('; '));
}

function badResponse(reply: MediaReply, detail: string): never {
  throw replyError(reply.site, 'bad-response', { status: reply.status, detail });
}

/** Returns the parsed 2xx body or throws the classified error. */
export function expectOk<S extends z.ZodType>(reply: MediaReply, schema: S): z.infer<S> {
  if (reply.status < 200 || reply.status > 299) throw statusError(reply);
  return parseBody(reply, schema);
}

/** The reply itself when 2xx (bodies such as DELETE's may be empty), else throws the classified error. */
export function okReply(reply: MediaReply): MediaReply {
  if (reply.status < 200 || reply.status > 299) throw statusError(reply);
  return reply;
}
