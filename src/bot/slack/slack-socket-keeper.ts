import { setTimeout as sleep } from 'node:timers/promises';
import { SocketModeReceiver, type webApi } from '@slack/bolt';
import { withDeadline } from '../../bounded/with-deadline.js';
import type { Logger } from '../../log.js';
import { toSlackLogger } from './slack-logger.js';

type SocketClient = SocketModeReceiver['client'];

/** A reconnect attempt that neither connects nor fails within this long is given up and retried. */
const attemptDeadlineMs = 20_000;
const maxDelayMs = 30_000;

/**
 * The Socket Mode receiver, without the SDK's own reconnection: that one retries a refused
 * `apps.connections.open` never (and rejects unhandled, which ends the process) and logs nothing
 * useful. `SlackSocketKeeper` reconnects instead. The first connection is `startAdapters`'.
 */
export function createSocketReceiver(
  appToken: string,
  clientOptions: webApi.WebClientOptions,
  log: Logger,
): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken,
    logger: toSlackLogger(log),
    autoReconnectEnabled: false,
    // One request per attempt: the keeper's backoff is the retry, with one log line each.
    installerOptions: { clientOptions: { ...clientOptions, retryConfig: { retries: 0 } } },
  });
}

/** Awaits a Socket Mode start; a refused WebSocket handshake rejects with nothing, so it is named here. */
export async function startSocket(start: Promise<unknown>): Promise<void> {
  try {
    await start;
  } catch (error) {
    throw error instanceof Error ? error : new Error(error === undefined ? 'socket closed' : JSON.stringify(error));
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? ((error as { code?: string }).code ?? error.message).slice(0, 200) : String(error);

/**
 * Keeps a Socket Mode connection up once it was first made: a dropped socket (Slack host gone,
 * network cut, `disconnect` envelope) is reconnected with backoff (at once, then 1 s doubling to
 * 30 s), one log line per failed attempt with the next delay; `state()` feeds `/healthz`.
 */
export class SlackSocketKeeper {
  private up = false;
  private live = false;
  private detail = 'socket reconnecting';
  private reconnecting = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly client: SocketClient,
    private readonly log: Logger,
  ) {
    client.on('connected', () => {
      this.up = true;
    });
    client.on('disconnected', () => {
      this.up = false;
      this.detail = 'socket reconnecting';
      if (this.live && !this.abort.signal.aborted && !this.reconnecting) void this.reconnect();
    });
  }

  /** The first connection is up (`app.start()` resolved): from now on a drop is reconnected here. */
  connected(): void {
    this.live = true;
    this.up = true;
  }

  state(): { ok: boolean; detail: string } {
    return this.up ? { ok: true, detail: 'socket connected' } : { ok: false, detail: this.detail };
  }

  /** Stops reconnecting (before the receiver is stopped). */
  close(): void {
    this.abort.abort();
  }

  private async reconnect(): Promise<void> {
    this.reconnecting = true;
    this.log.info({ platform: 'slack' }, 'slack socket dropped, reconnecting');
    try {
      for (let attempt = 1; !this.abort.signal.aborted; attempt += 1) {
        try {
          await withDeadline(startSocket(this.client.start()), attemptDeadlineMs);
          this.up = true;
          this.log.info({ platform: 'slack', attempt }, 'chat platform connected');
          return;
        } catch (error) {
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- close() may abort while start() ran
          if (this.abort.signal.aborted) return;
          const delay = Math.min(1000 * 2 ** (attempt - 1), maxDelayMs);
          const reason = reasonOf(error);
          this.detail = `unreachable (attempt ${String(attempt)}, next in ${String(delay)} ms): ${reason}`;
          this.log.warn(
            { platform: 'slack', attempt, nextRetryMs: delay, reason },
            'chat platform unreachable, retrying',
          );
          await sleep(delay, undefined, { signal: this.abort.signal }).catch(() => undefined);
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }
}
