import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatAdapter, InboundHandler } from '../bot/inbound.js';
import type { ProbeResult } from '../http/health-server.js';
import { reconnectDelayMs } from '../jobs/redis-monitor.js';
import { withDeadline } from '../bounded/with-deadline.js';
import type { Logger } from '../log.js';

/** A refused token or app cannot heal by waiting: the process exits so the operator sees it. */
export function isUnrecoverableChatError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return (
    code === 'TokenInvalid' ||
    code === 'TokenMissing' ||
    code === 'DisallowedIntents' ||
    status === 401 ||
    /invalid_auth|not_authed|account_inactive|token_revoked|An invalid token was provided/.test(error.message)
  );
}

/** A gateway that accepts and never says ready counts as unreachable after this long. */
const startDeadlineMs = 20_000;

const reasonOf = (error: unknown): string =>
  error instanceof Error ? ((error as { code?: string }).code ?? error.message).slice(0, 200) : String(error);

export interface AdapterStarts {
  /** `/healthz` probe of one platform: connecting (with the last reason) until up, then the adapter's own view. */
  probe(adapter: ChatAdapter): ProbeResult;
  /** Resolves once every adapter's first attempt has connected or failed. */
  readonly firstAttempts: Promise<void>;
  /** Stops retrying (shutdown). */
  close(): void;
}

/**
 * Starts every chat adapter in the background: a platform that cannot be reached (network,
 * emulator down) is retried with backoff (1 s doubling to 30 s), one log line per attempt with
 * the next delay; a refused token calls `onFatal` instead. `/healthz` reports each meanwhile.
 */
export function startAdapters(
  adapters: readonly ChatAdapter[],
  handler: InboundHandler,
  log: Logger,
  onFatal: (error: unknown) => void,
): AdapterStarts {
  const abort = new AbortController();
  const status = new Map<ChatAdapter, string>();
  const run = async (adapter: ChatAdapter, tried: () => void): Promise<void> => {
    for (let attempt = 1; !abort.signal.aborted; attempt += 1) {
      if (attempt === 2) tried();
      try {
        await withDeadline(adapter.start(handler), startDeadlineMs);
        status.delete(adapter);
        tried();
        if (attempt > 1) log.info({ platform: adapter.platform, attempt }, 'chat platform connected');
        return;
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- close() may abort while start() ran
        if (abort.signal.aborted) return;
        if (isUnrecoverableChatError(error)) {
          tried();
          onFatal(error);
          return;
        }
        const delay = reconnectDelayMs(attempt + 2, 30_000);
        const reason = reasonOf(error);
        status.set(adapter, `unreachable (attempt ${String(attempt)}, next in ${String(delay)} ms): ${reason}`);
        log.warn(
          { platform: adapter.platform, attempt, nextRetryMs: delay, reason },
          'chat platform unreachable, retrying',
        );
        await adapter.stop().catch(() => undefined);
        await sleep(delay, undefined, { signal: abort.signal }).catch(() => undefined);
      }
    }
  };
  const firsts = adapters.map((adapter) => {
    status.set(adapter, 'connecting');
    return new Promise<void>((resolve) => {
      void run(adapter, resolve).finally(resolve);
    });
  });
  return {
    firstAttempts: Promise.all(firsts).then(() => undefined),
    probe: (adapter) => {
      const starting = status.get(adapter);
      if (starting !== undefined) return { ok: false, detail: starting };
      return adapter.connection?.() ?? true;
    },
    close: () => {
      abort.abort();
    },
  };
}
