import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ExternalError } from '../../errors.js';
import { ackBody, type AckType } from './ack-body.js';

export { toAck, type AckType } from './ack-body.js';

/**
 * How an ack ended: Discord took it; a retry found it already acknowledged (code 40060: our
 * earlier attempt counted, also success); or the first attempt did (`acked-elsewhere`): another
 * gateway session got the same INTERACTION_CREATE and acked first (a second bot), so that bot
 * answers it and this one must stay silent.
 */
export type AckOutcome = 'acked' | 'already-acked' | 'acked-elsewhere';

/** Why an attempt is retried or an ack is given up. */
export type AckFailure = 'socket' | 'timeout' | 'server-error' | 'rate-limited' | 'refused' | 'deadline' | 'abandoned';

/** Told about every retry and every lost ack (a metric and a log line each, see `discord-adapter.ts`). */
export interface AckObserver {
  retried(reason: AckFailure, attempt: number): void;
  lost(reason: AckFailure, detail: string): void;
}

/** Posts interaction callbacks over kept-alive sockets (no Authorization: the token is in the path). */
export interface RawAcker {
  /**
   * `POST /interactions/{id}/{token}/callback`. Resolves within the deadline or rejects with
   * an `ExternalError` (the ack is lost); never hangs.
   */
  ack(id: string, token: string, type: AckType): Promise<AckOutcome>;
  /** Abandons acks in flight (they reject at once) and closes the idle sockets. */
  close(): void;
}

/**
 * Sockets kept alive for acks. Measured with 200-command bursts (bench/ack-latency.ts): 32 warm
 * sockets halved the bot's CPU per ack against one new socket per ack; 16 and 64 were slower.
 */
export const defaultAckSockets = 32;

/** Discord drops an interaction not answered within 3 s of sending it; the gateway hop used some of that. */
export const defaultAckDeadlineMs = 2_000;
/** One attempt's wait for a response before a fresh connection is tried. */
export const defaultAckAttemptMs = 900;

export interface RawAckerOptions {
  /** REST base as for `DiscordAdapterOptions` (default Discord). */
  readonly apiUrl?: string;
  readonly maxSockets?: number;
  readonly deadlineMs?: number;
  readonly attemptMs?: number;
  readonly observer?: AckObserver;
}

interface Attempt {
  readonly status: number;
  readonly code: number | undefined;
  readonly retryAfterMs: number | undefined;
}
/** The error an attempt is destroyed with when it got no answer in time. */
const timedOut = new Error('no answer in time');
/** `timeoutMs` runs from when the request has a socket (waiting for a pooled socket is not Discord's silence); `leftMs` is the hard stop. */
type Send = (
  fresh: boolean,
  timeoutMs: number,
  leftMs: number,
  track: (req: ClientRequest) => void,
) => Promise<Attempt>;

const failure = (reason: AckFailure, message: string, status?: number): ExternalError =>
  new ExternalError(
    reason === 'socket' || reason === 'timeout' || reason === 'deadline' ? 'discord-unreachable' : 'discord-api',
    message,
    { context: { reason, ...(status === undefined ? {} : { status }) } },
  );

function readAttempt(res: IncomingMessage): Promise<Attempt> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => {
      if (chunks.length < 8) chunks.push(c);
    });
    res.once('end', () => {
      let code: number | undefined;
      try {
        code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: number }).code;
      } catch {
        code = undefined;
      }
      const after = Number(res.headers['retry-after']);
      resolve({ status: res.statusCode ?? 0, code, retryAfterMs: Number.isFinite(after) ? after * 1000 : undefined });
    });
  });
}

/** Classifies one answer: done, retry (with a wait), or give up. */
function judge(
  a: Attempt,
): { done: AckOutcome } | { retry: AckFailure; waitMs: number } | { give: AckFailure; status: number } {
  if (a.status >= 200 && a.status < 300) return { done: 'acked' };
  if (a.code === 40060) return { done: 'already-acked' };
  if (a.status === 429) return { retry: 'rate-limited', waitMs: a.retryAfterMs ?? 100 };
  if (a.status >= 500) return { retry: 'server-error', waitMs: 50 };
  return { give: 'refused', status: a.status };
}

/**
 * Acknowledges straight from the gateway packet, before discord.js builds its structures and
 * without @discordjs/rest's queueing: under a burst every ack is written within the same
 * event-loop turn as its frame, on a reused socket. A kept-alive socket the server is closing
 * fails before any response (`socket hang up`, `ECONNRESET`): the ack is then retried at once
 * on a fresh connection, as is an attempt with no answer after `attemptMs` or a 5xx, all
 * within `deadlineMs`. A retry that finds the interaction already acknowledged (40060) is a success;
 * a first attempt that does is `acked-elsewhere`.
 */
export function createRawAcker(options: RawAckerOptions = {}): RawAcker {
  const {
    apiUrl = 'https://discord.com/api',
    maxSockets = defaultAckSockets,
    deadlineMs = defaultAckDeadlineMs,
    attemptMs = defaultAckAttemptMs,
  } = options;
  const base = new URL(`${apiUrl.replace(/\/$/, '')}/v10`);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets })
    : new HttpAgent({ keepAlive: true, maxSockets });
  const request = secure ? httpsRequest : httpRequest;
  const inFlight = new Set<ClientRequest>();
  const abandoned = { value: false };

  const sendOnce =
    (path: string, body: string): Send =>
    (fresh, timeoutMs, leftMs, track) =>
      new Promise<Attempt>((resolve, reject) => {
        let soft: NodeJS.Timeout | undefined;
        const stop = (): void => {
          clearTimeout(soft);
          clearTimeout(hard);
        };
        const req = request(
          {
            protocol: base.protocol,
            hostname: base.hostname,
            port: base.port,
            path,
            method: 'POST',
            agent: fresh ? false : agent,
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
              'User-Agent': 'DiscordBot (homelab-bot, 1)',
            },
          },
          (res) => {
            stop();
            void readAttempt(res).then(resolve);
          },
        );
        track(req);
        const hard = setTimeout(() => {
          req.destroy(timedOut);
        }, leftMs);
        req.once('socket', () => {
          soft = setTimeout(() => {
            req.destroy(timedOut);
          }, timeoutMs);
        });
        req.once('error', (error) => {
          stop();
          reject(error);
        });
        req.once('close', () => {
          stop();
          inFlight.delete(req);
        });
        req.end(body);
      });

  /** One attempt: the answer's verdict, or why no answer came (the socket failed, or the attempt timed out). */
  const attemptOnce = async (
    send: Send,
    fresh: boolean,
    timeoutMs: number,
    leftMs: number,
  ): Promise<ReturnType<typeof judge> | { retry: AckFailure; waitMs: 0 }> => {
    try {
      return judge(await send(fresh, timeoutMs, leftMs, (req) => inFlight.add(req)));
    } catch (error) {
      if (abandoned.value) throw failure('abandoned', 'the ack was abandoned at shutdown');
      return { retry: error === timedOut ? 'timeout' : 'socket', waitMs: 0 };
    }
  };

  async function run(send: Send): Promise<AckOutcome> {
    const started = performance.now();
    const left = (): number => deadlineMs - (performance.now() - started);
    for (let attempt = 1; ; attempt += 1) {
      const verdict = await attemptOnce(
        send,
        attempt > 1,
        Math.max(1, Math.min(attemptMs, left())),
        Math.max(1, left()),
      );
      if ('done' in verdict)
        return verdict.done === 'already-acked' && attempt === 1 ? 'acked-elsewhere' : verdict.done;
      if ('give' in verdict)
        throw failure(
          verdict.give,
          `Discord refused to acknowledge the interaction (HTTP ${String(verdict.status)})`,
          verdict.status,
        );
      // The first retry goes out at once (a dead kept-alive socket); later ones back off a little.
      const waitMs = verdict.waitMs > 0 ? verdict.waitMs : attempt > 1 ? 100 : 0;
      if (left() - waitMs < 50)
        throw failure('deadline', `no acknowledgement within ${String(deadlineMs)} ms (last: ${verdict.retry})`);
      options.observer?.retried(verdict.retry, attempt);
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      if (abandoned.value) throw failure('abandoned', 'the ack was abandoned at shutdown');
    }
  }

  return {
    async ack(id, token, type) {
      const path = `${base.pathname}/interactions/${encodeURIComponent(id)}/${encodeURIComponent(token)}/callback`;
      if (abandoned.value) throw failure('abandoned', 'the bot is shutting down');
      try {
        return await run(sendOnce(path, ackBody(type)));
      } catch (error) {
        const reason = ((error as ExternalError).context as { reason?: AckFailure } | undefined)?.reason ?? 'socket';
        options.observer?.lost(reason, (error as Error).message);
        throw error;
      }
    },
    close() {
      abandoned.value = true;
      for (const req of inFlight) req.destroy();
      agent.destroy();
    },
  };
}
