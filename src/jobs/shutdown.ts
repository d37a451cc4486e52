import type { Logger } from '../log.js';

/**
 * Closes `targets` in order on SIGTERM/SIGINT (a second signal is ignored while closing).
 * Returns a function that removes the handlers. The process wiring calls this once.
 */
export function installShutdown(targets: readonly { close(): Promise<void> }[], log: Logger, onDone: (code: number) => void): () => void {
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
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
      onDone(code);
    })();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
