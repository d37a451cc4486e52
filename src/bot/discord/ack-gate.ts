/**
 * Acks first, work second. Under a burst of interactions every handler would otherwise start
 * (Redis, REST follow-ups) as soon as its own ack is answered, competing for the event loop
 * with the acks of the interactions still arriving; the last ones then miss their latency
 * budget. The gate counts acks in flight; a handler waits until none is left and no new one
 * came for `quietMs` (acks of a burst can momentarily all be answered between two of its
 * interactions), or until `maxWaitMs` passed, so steady traffic cannot starve handlers.
 */
export interface AckGate {
  /** Registers one ack in flight; settles the count when `ack` does. Returns `ack`. */
  track<T>(ack: Promise<T>): Promise<T>;
  /** Resolves once no ack is in flight and none came for `quietMs`, or after `maxWaitMs` at the latest. */
  drained(): Promise<void>;
  readonly pending: number;
}

/** Measured with bench/ack-latency.ts: a 200-command burst drains in well under 100 ms. */
export const defaultAckGateWaitMs = 250;
/**
 * A burst's interactions arrive a fraction of a millisecond apart, but a sender's pause (GC, a
 * busy core) can leave a gap of several: 25 ms without a new one ends it (bench/ack-latency.ts:
 * 5 ms let follow-up work start mid-burst). Handlers (already acked) start at most that much
 * later; the user sees the deferred reply meanwhile.
 */
export const defaultAckGateQuietMs = 25;

export function createAckGate(maxWaitMs = defaultAckGateWaitMs, quietMs = defaultAckGateQuietMs): AckGate {
  let pending = 0;
  let lastTracked = Number.NEGATIVE_INFINITY;
  let waiters: (() => void)[] = [];
  let quietTimer: NodeJS.Timeout | undefined;
  const quietFor = (): number => lastTracked + quietMs - performance.now();
  const release = (): void => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  /** Wakes the waiters once the gate is open, re-checking when the quiet window ends. */
  const check = (): void => {
    clearTimeout(quietTimer);
    quietTimer = undefined;
    if (pending > 0 || waiters.length === 0) return;
    const left = quietFor();
    if (left <= 0) release();
    else quietTimer = setTimeout(check, left);
  };
  return {
    get pending() {
      return pending;
    },
    track(ack) {
      pending += 1;
      lastTracked = performance.now();
      const settle = (): void => {
        pending -= 1;
        if (pending === 0) check();
      };
      ack.then(settle, settle);
      return ack;
    },
    drained() {
      if (pending === 0 && quietFor() <= 0) return Promise.resolve();
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
        check();
      });
    },
  };
}
