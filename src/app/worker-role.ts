import type { ChatPort, Platform } from '../chat/chat-port.js';
import { bindJobs, scheduledTasks, wireFeatures } from '../commands/registry.js';
import type { AppConfig } from '../config/schema.js';
import { startReconciler } from '../jobs/reconciler.js';
import type { RedisMonitor } from '../jobs/redis-monitor.js';
import { startSchedules } from '../jobs/schedules.js';
import { startWorker } from '../jobs/worker.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics/metrics.js';
import { recordAudit } from '../metrics/record-audit.js';
import type { Stores } from '../store/stores.js';
import type { MediaNotifyWiring } from './media-notify-wiring.js';
import { realAdapters } from './real-adapters.js';
import { reportTargets } from './scheduled-tasks.js';

export interface WorkerRoleDeps {
  readonly connect: RedisMonitor['connect'];
  readonly monitor: RedisMonitor;
  readonly stores: Stores;
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly metrics: Metrics;
  readonly notify: MediaNotifyWiring;
  readonly log: Logger;
}

/**
 * The worker half: BullMQ worker, schedule handlers, and the reconciler that writes the job
 * schedulers (and the notify poll) once Redis is up and repairs them every
 * `worker.reconcileInterval`.
 */
export function startWorkerRole(
  config: AppConfig,
  d: WorkerRoleDeps,
): { isRunning(): boolean; close(): Promise<void> } {
  const redisUrl = config.redis.url;
  const { concurrency, lockDurationMs, stalledIntervalMs, reconcileIntervalMs } = config.worker;
  const features = {
    config,
    log: d.log,
    stores: d.stores,
    adapters: realAdapters(config, d.log),
    onAudit: recordAudit(d.metrics),
    chats: d.chats,
  };
  const schedules = startSchedules({
    redisUrl,
    connect: d.connect,
    prefix: 'hlb:bull',
    keyPrefix: 'hlb:',
    tasks: scheduledTasks(features),
    chats: d.chats,
    targets: reportTargets(config.chat),
    runStore: d.stores.runStore,
    log: d.log,
  });
  const worker = startWorker({
    redisUrl,
    connect: d.connect,
    prefix: 'hlb:bull',
    jobs: bindJobs(wireFeatures(features)),
    chats: d.chats,
    ...d.stores,
    log: d.log,
    actionTtlMs: config.approvals.ttlMs,
    concurrency,
    quickConcurrency: config.worker.quickConcurrency,
    budgets: config.timeouts.jobsMs,
    lockDuration: lockDurationMs,
    stalledInterval: stalledIntervalMs,
    metrics: d.metrics,
    extraHandlers: { ...schedules.handlers, ...d.notify.workerHandlers },
  });
  const reconciler = startReconciler({
    intervalMs: reconcileIntervalMs,
    monitor: d.monitor,
    tasks: [
      { name: 'schedules', run: () => schedules.reconcile() },
      { name: 'background jobs', run: () => d.notify.reconcile() },
    ],
    log: d.log,
  });
  return {
    isRunning: () => worker.isRunning(),
    close: async () => {
      reconciler.close();
      await worker.close();
      await schedules.close();
    },
  };
}
