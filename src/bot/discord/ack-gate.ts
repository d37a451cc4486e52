/**
 * Acks first, work second. Under a burst of interactions every handler would otherwise start
 * (Redis, REST follow-ups) as soon as its own ack is answered, competing for the event loop
 * with the acks of the interactions still arriving; the last ones then miss their latency
 * budget. The gate counts acks in flight; a handler waits until none is left (or `maxWaitMs`
 * passed, so steady traffic cannot starve handlers).
 */
export interface AckGate {
  /** Registers one ack in flight; settles the count when `ack` does. Returns `ack`. */
  track<T>(ack: Promise<T>): Promise<T>;
  /** Resolves once no ack is in flight, or after `maxWaitMs` at the latest. */
  drained(): Promise<void>;
  readonly pending: number;
}

/** Measured with bench/ack-latency.ts: a 200-command burst drains in well under 100 ms. */
export const defaultAckGateWaitMs = 250;

export function createAckGate(maxWaitMs = defaultAckGateWaitMs): AckGate {
  let pending = 0;
  let waiters: (() => void)[] = [];
  const release = (): void => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    get pending() {
      return pending;
    },
    track(ack) {
      pending += 1;
      const settle = (): void => {
        pending -= 1;
        if (pending === 0) release();
      };
      ack.then(settle, settle);
      return ack;
    },
    drained() {
      if (pending === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== wake);
          resolve();
        }, maxWaitMs);
        const wake = (): void => {
          clearTimeout(timer);
          resolve();
        };
        waiters.push(wake);
      });
    },
  };
}
