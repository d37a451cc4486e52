import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import type { WebhookNotice } from '../media/notify-event.js';
import type { FamilyWebhook } from '../media/webhook-family.js';
import { parseWebhookPayload } from '../media/webhook-payload.js';
import type { RouteHandler } from './health-server.js';

/** Where Overseerr's webhook agent posts (Settings → Notifications → Webhook → Webhook URL). */
export const overseerrWebhookPath = '/hooks/overseerr';

const maxBodyBytes = 256 * 1024;

export interface OverseerrWebhookOptions {
  /** The configured Authorization header value; undefined refuses every call. */
  readonly secret: string | undefined;
  /** Puts the notice on the queue (a background job); the worker sends the DMs. */
  readonly enqueue: (notice: WebhookNotice, jobId: string) => Promise<void>;
  /** Queues MEDIA_PENDING / ISSUE_* (`media.family`); without it they are acknowledged and ignored. */
  readonly enqueueFamily?: (job: FamilyWebhook, jobId: string) => Promise<void>;
  readonly log: Logger;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
function authorized(header: string | undefined, secret: string | undefined): boolean {
  if (secret === undefined || header === undefined) return false;
  return timingSafeEqual(digest(header), digest(secret));
}

const reply = (res: ServerResponse, status: number, body: Record<string, unknown>): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * `POST /hooks/overseerr`: checks the shared secret in `Authorization` (anything else → 401,
 * the header is never logged), validates the body and enqueues MEDIA_AVAILABLE / APPROVED /
 * DECLINED / FAILED as `media.notify` jobs and MEDIA_PENDING / ISSUE_* as `media.family` jobs
 * (202). TEST_NOTIFICATION and other types (e.g. MEDIA_AUTO_APPROVED) get 200 and are ignored.
 */
export function overseerrWebhookRoute(options: OverseerrWebhookOptions): RouteHandler {
  return async (req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== overseerrWebhookPath) return false;
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('use POST\n');
      return true;
    }
    if (!authorized(req.headers.authorization, options.secret)) {
      options.log.warn(
        { hadHeader: req.headers.authorization !== undefined, configured: options.secret !== undefined },
        'overseerr webhook refused: wrong or missing Authorization',
      );
      reply(res, 401, {
        error: 'unauthorized: send the Authorization header value configured as media.overseerr.webhookSecret',
      });
      return true;
    }
    const text = await readBody(req);
    if (text === undefined) {
      reply(res, 413, { error: `body larger than ${maxBodyBytes} bytes` });
      return true;
    }
    const body = parseJson(text);
    if (body === undefined) {
      reply(res, 400, { error: 'expected a JSON body (Overseerr webhook JSON payload)' });
      return true;
    }
    const intent = parseWebhookPayload(body);
    if (intent.kind === 'invalid') {
      // Nothing is lost: the backup poll still finds newly available requests.
      options.log.warn(
        { problem: intent.message },
        'overseerr webhook payload unusable (400); the notice poll covers it',
      );
      reply(res, 400, { error: intent.message });
      return true;
    }
    if (intent.kind === 'test') {
      reply(res, 200, { ok: true, test: true });
      return true;
    }
    if (intent.kind === 'family') {
      const { job } = intent;
      if (options.enqueueFamily === undefined) {
        reply(res, 200, { ok: true, ignored: job.kind });
        return true;
      }
      const about =
        job.kind === 'pending' ? `pending-${job.requestId ?? 'any'}` : `${job.event}-${job.issueId ?? 'any'}`;
      await options.enqueueFamily(job, `media.family-${about}-${randomUUID()}`);
      options.log.info({ family: job }, 'overseerr webhook queued');
      reply(res, 202, { ok: true, queued: job.kind === 'pending' ? 'MEDIA_PENDING' : job.event });
      return true;
    }
    if (intent.kind === 'ignored') {
      reply(res, 200, { ok: true, ignored: intent.type });
      return true;
    }
    const { notice } = intent;
    const about = notice.requestId ?? `tmdb${notice.tmdbId ?? ''}tvdb${notice.tvdbId ?? ''}`;
    await options.enqueue(notice, `media.notify-${notice.event}-${about}-${randomUUID()}`);
    options.log.info(
      { event: notice.event, requestId: notice.requestId, tmdbId: notice.tmdbId, tvdbId: notice.tvdbId },
      'overseerr webhook queued',
    );
    reply(res, 202, { ok: true, queued: notice.event });
    return true;
  };
}
