import type { EventEmitter } from 'node:events';

/**
 * Resolves with the first truthy value of `probe`, checked now and after every `change`
 * event. Rejects after `timeoutMs` naming `what` was awaited. Event-driven, no polling.
 */
export function waitUntil<T>(
  events: EventEmitter,
  probe: () => T | undefined | null | false,
  what: string,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      const value = probe();
      if (value === undefined || value === null || value === false) return false;
      cleanup();
      resolve(value);
      return true;
    };
    const onChange = (): void => {
      check();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      events.off('change', onChange);
    };
    events.on('change', onChange);
    check();
  });
}
