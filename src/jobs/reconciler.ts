import type { Logger } from '../log.js';
import { isConnectionError, type RedisMonitor } from './redis-monitor.js';

/** One repair step: writes what Redis should hold (job schedulers, pollers) when it is missing. */
export interface ReconcileTask {
  readonly name: string;
  run(): Promise<void>;
}

export interface ReconcilerOptions {
  /** Pause between passes (config `worker.reconcileInterval`). */
  readonly intervalMs: number;
  readonly monitor: Pick<RedisMonitor, 'state' | 'onUp'>;
  readonly tasks: readonly ReconcileTask[];
  readonly log: Logger;
}

export interface RunningReconciler {
  /** Resolves once a pass has completed after this call (tests; the first pass also counts). */
  passed(): Promise<void>;
  close(): void;
}

/**
 * Runs every task once Redis is up, again each time it comes back, and every `intervalMs`, so a
 * Redis that lost its data (restarted without persistence) gets its schedules back within one
 * interval. Passes never overlap; while Redis is down none starts (the monitor already said so).
 */
export function startReconciler(o: ReconcilerOptions): RunningReconciler {
  let running = false;
  let closed = false;
  let waiters: (() => void)[] = [];
  const pass = async (): Promise<void> => {
    if (running || closed || o.monitor.state() !== 'up') return;
    running = true;
    let ok = true;
    for (const task of o.tasks) {
      try {
        await task.run();
      } catch (error) {
        ok = false;
        if (!isConnectionError(error)) o.log.warn({ err: error, task: task.name }, 'reconcile step failed');
      }
    }
    running = false;
    if (!ok) return;
    const done = waiters;
    waiters = [];
    for (const wake of done) wake();
  };
  const kick = (): void => {
    void pass();
  };
  o.monitor.onUp(kick);
  const timer = setInterval(kick, o.intervalMs);
  kick();
  return {
    passed: () =>
      new Promise((resolve) => {
        waiters.push(resolve);
      }),
    close: () => {
      closed = true;
      clearInterval(timer);
    },
  };
}
