import { AsyncLocalStorage } from 'node:async_hooks';

/** Something a unit of work opened that must be torn down when it runs out of time (an SSH connection). */
export type Closer = () => Promise<void> | void;

interface ScopeState {
  /** Labels of outside calls in flight ("SSH handshake with ct-docker-01 (10.0.0.5:22)"), oldest first. */
  readonly pending: Map<symbol, string>;
  readonly closers: Set<Closer>;
  /** Aborted when the scope is torn down: every bounded call inside gives up at once. */
  readonly controller: AbortController;
}

/**
 * One unit of work (a job attempt) that knows which outside calls it is waiting on and what it
 * opened, so that on expiry it can say who did not answer and close it. Calls made inside
 * `run` (across awaits) register themselves through {@link bounded} and {@link adoptCloser}.
 */
export interface CallScope {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Outside calls in flight now, oldest first. */
  pending(): string[];
  /** The most recent call that hit its own timeout, if any (named in the budget message when nothing is pending). */
  lastTimeout(): string | undefined;
  /** Aborts every call in flight and closes everything adopted (errors ignored). */
  teardown(): Promise<void>;
}

interface ScopeSlot extends ScopeState {
  last?: string;
}

// The async context is per call chain, not shared mutable state: each job attempt gets its own slot.
const storage = new AsyncLocalStorage<ScopeSlot>();

export function createCallScope(): CallScope {
  const slot: ScopeSlot = { pending: new Map(), closers: new Set(), controller: new AbortController() };
  return {
    run: (work) => storage.run(slot, work),
    pending: () => [...slot.pending.values()],
    lastTimeout: () => slot.last,
    teardown: async () => {
      slot.controller.abort(new Error('the job ran out of time'));
      const closers = [...slot.closers];
      slot.closers.clear();
      await Promise.allSettled(closers.map(async (close) => close()));
    },
  };
}

/**
 * Registers `close` with the current scope (if any) so an expired job tears it down; returns the
 * function that unregisters it (call it when the resource is closed normally).
 */
export function adoptCloser(close: Closer): () => void {
  const slot = storage.getStore();
  if (slot === undefined) return () => undefined;
  slot.closers.add(close);
  return () => {
    slot.closers.delete(close);
  };
}

/** How one outside call is bounded. */
export interface BoundedCall {
  /** Who is asked, for messages: `SSH handshake with ct-docker-01 (10.0.0.5:22)`, `Radarr at radarr.lan:7878`. */
  readonly what: string;
  /** The call's own limit (a `timeouts:` value). */
  readonly timeoutMs: number;
  /** The error the call fails with at its limit (names the host or service). */
  readonly timeoutError: () => Error;
  /** Frees what the call holds (kills the process, closes the channel) when it is given up. */
  readonly cancel?: () => void;
}

/**
 * Runs one outside call under its timeout and the current scope: it is listed as pending while in
 * flight, and it fails (cancelling the work) at its limit or when the scope is torn down. `work`
 * gets a signal that aborts in both cases, for APIs that take one.
 */
export function bounded<T>(call: BoundedCall, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const slot = storage.getStore();
  const id = Symbol(call.what);
  const controller = new AbortController();
  slot?.pending.set(id, call.what);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      slot?.pending.delete(id);
      slot?.controller.signal.removeEventListener('abort', onScopeAbort);
      return true;
    };
    const giveUp = (error: Error): void => {
      if (!finish()) return;
      controller.abort(error);
      call.cancel?.();
      reject(error);
    };
    const timer = setTimeout(() => {
      if (slot !== undefined) slot.last = call.what;
      giveUp(call.timeoutError());
    }, call.timeoutMs);
    const onScopeAbort = (): void => {
      giveUp(new Error(`gave up on ${call.what}: the job ran out of time`));
    };
    if (slot?.controller.signal.aborted === true) onScopeAbort();
    else slot?.controller.signal.addEventListener('abort', onScopeAbort, { once: true });
    work(controller.signal).then(
      (value) => {
        if (finish()) resolve(value);
      },
      (error: unknown) => {
        if (finish()) reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
