/** The signals that ask a CLI run to stop, and the conventional exit status for each (128 + n). */
export const signalExitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export type TerminationSignal = keyof typeof signalExitCodes;

export interface SignalWatch {
  /** Resolves with the first SIGINT, SIGTERM or SIGHUP. */
  readonly first: Promise<TerminationSignal>;
  /** The first signal received so far, if any. */
  received(): TerminationSignal | undefined;
  remove(): void;
}

/**
 * Watches SIGINT, SIGTERM and SIGHUP. The first resolves `first` (the caller cleans up in order);
 * a second one calls `onRepeat` (the caller gives up waiting and exits now).
 */
export function watchTerminationSignals(onRepeat: (signal: TerminationSignal) => void): SignalWatch {
  let received: TerminationSignal | undefined;
  let resolveFirst: (signal: TerminationSignal) => void = () => undefined;
  const first = new Promise<TerminationSignal>((resolve) => {
    resolveFirst = resolve;
  });
  const handlers = (Object.keys(signalExitCodes) as TerminationSignal[]).map((signal) => {
    const handler = (): void => {
      if (received !== undefined) {
        onRepeat(received);
        return;
      }
      received = signal;
      resolveFirst(signal);
    };
    process.on(signal, handler);
    return () => {
      process.off(signal, handler);
    };
  });
  return {
    first,
    received: () => received,
    remove: () => {
      for (const off of handlers) off();
    },
  };
}

/** `work`, or undefined once `ms` have passed (the work keeps running; the caller moves on). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
