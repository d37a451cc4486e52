import type { Logger } from '../log.js';

/** How long bot and worker get to stop on SIGTERM by default: under Docker's 10 s before SIGKILL. */
export const defaultShutdownDeadlineMs = 8_000;

/**
 * Closes `targets` in order on SIGTERM/SIGINT (a second signal is ignored while closing).
 * When they have not all closed within `deadlineMs`, `onDone(1, true)` is called anyway: the
 * caller exits, abandoning acks still in flight and leaving running jobs to BullMQ, which
 * hands them to the next worker once their lock expires. Returns a function that removes
 * the handlers. The process wiring calls this once.
 */
export function installShutdown(
  targets: readonly { close(): Promise<void> }[],
  log: Logger,
  onDone: (code: number, timedOut: boolean) => void,
  deadlineMs = defaultShutdownDeadlineMs,
): () => void {
  let closing = false;
  let finished = false;
  const finish = (code: number, timedOut: boolean): void => {
    if (finished) return;
    finished = true;
    onDone(code, timedOut);
  };
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    log.info({ signal, deadlineMs }, 'shutting down');
    const timer = setTimeout(() => {
      log.warn(
        { deadlineMs },
        'shutdown deadline passed: exiting with work in flight (running jobs go back to the queue)',
      );
      finish(1, true);
    }, deadlineMs);
    timer.unref();
    void (async () => {
      let code = 0;
      for (const target of targets) {
        try {
          await target.close();
        } catch (error) {
          log.error({ err: error }, 'close failed during shutdown');
          code = 1;
        }
      }
      clearTimeout(timer);
      finish(code, false);
    })();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
