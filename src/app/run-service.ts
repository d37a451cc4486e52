import type { ChatPort, Platform } from '../bot/chat-port.js';
import { createDispatcher } from '../bot/dispatch.js';
import { registry } from '../commands/registry.js';
import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { startHealthServer, type HealthProbe } from '../http/health-server.js';
import { catalogProcessors, healthLookup } from '../jobs/processors/catalog-processors.js';
import { driftProcessors } from '../jobs/processors/drift-processors.js';
import { mediaRequestProcessors } from '../jobs/processors/media-request-processors.js';
import { requestsListProcessors } from '../jobs/processors/media-requests-list-wiring.js';
import { healthProcessors } from '../jobs/processors/health-processors.js';
import { e2eProcessors } from '../jobs/processors/e2e-processors.js';
import { statusProcessors } from '../jobs/processors/status-processors.js';
import { processors } from '../jobs/processors/processors.js';
import { remediationProcessors } from '../jobs/processors/remediation-processors.js';
import { recordRefusedClicks, remediationJobDeps } from '../jobs/processors/remediation-wiring.js';
import { createForge } from '../forge/create-forge.js';
import { reportTargets, scheduledTasks } from '../jobs/processors/scheduled-tasks.js';
import { createProducer } from '../jobs/queue.js';
import { openQueueDepth } from '../jobs/queue-depth.js';
import { startSchedules } from '../jobs/schedules.js';
import { startWorker } from '../jobs/worker.js';
import { startMediaNotify } from './media-notify-wiring.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics/metrics.js';
import { lastCheckResults } from '../metrics/last-check-results.js';
import { metricsRoute } from '../metrics/metrics-route.js';
import { recordAudit } from '../metrics/record-audit.js';
import { createStores } from '../store/stores.js';
import { allowedPlaces, createAdapters, createOutboundChats } from './create-chats.js';

/** Which halves run in this process: `bot` (chat adapters → queue), `worker` (jobs), or both. */
export interface ServiceRoles {
  readonly bot: boolean;
  readonly worker: boolean;
}

export interface RunningService {
  readonly healthUrl: string;
  close(): Promise<void>;
}

const keyPrefix = 'hlb:';
const bullPrefix = 'hlb:bull';

function requireChat(config: AppConfig): void {
  if (config.chat.discord !== undefined || config.chat.slack !== undefined) return;
  throw new UserError('no-chat-configured',
    'No chat platform is configured: add chat.discord and/or chat.slack to the config (see config.example.yaml), '
    + 'or use `homelab-bot shell` for the local REPL, which needs no tokens.');
}

/**
 * The composition root of a long-running process: stores, queue producer, dispatcher and
 * adapters (bot), the BullMQ worker (worker), and the `/healthz` server for both.
 */
export async function startService(config: AppConfig, roles: ServiceRoles, log: Logger): Promise<RunningService> {
  if (roles.bot) requireChat(config);
  const redisUrl = config.redis.url;
  const stores = createStores({ redisUrl, prefix: keyPrefix });
  const closers: { close(): Promise<void> }[] = [];
  const queueDepth = openQueueDepth({ redisUrl, prefix: bullPrefix });
  const metrics = createMetrics({ queueDepth: () => queueDepth.depth(), checkResults: () => lastCheckResults(stores.healthStore) });
  const adapters = roles.bot ? createAdapters(config.chat, registry, log, config.http.host, metrics) : [];
  const chats: Partial<Record<Platform, ChatPort>> = roles.bot
    ? Object.fromEntries(adapters.map((a) => [a.platform, a]))
    : createOutboundChats(config.chat, log);
  const notify = await startMediaNotify({ config, roles, redisUrl, prefix: bullPrefix, store: stores.subscriptionStore, chats, log });
  closers.push(notify);
  if (roles.worker) {
    const { concurrency, lockDurationMs, stalledIntervalMs } = config.worker;
    const schedules = await startSchedules({
      redisUrl, prefix: bullPrefix, keyPrefix, schedules: config.schedules, tasks: scheduledTasks(config, log, { onAudit: recordAudit(metrics), healthStore: stores.healthStore }),
      chats, targets: reportTargets(config.chat), runStore: stores.runStore, log,
    });
    closers.push(startWorker({
      redisUrl, prefix: bullPrefix,
      processors: { ...processors, ...driftProcessors(config, log, undefined, recordAudit(metrics)), ...mediaRequestProcessors(config, stores), ...requestsListProcessors(config), ...healthProcessors(config, log, stores.auditTrailStore), ...e2eProcessors(config),
        ...catalogProcessors(config, log, healthLookup(stores.healthStore)), ...statusProcessors(config, log),
        ...remediationProcessors(remediationJobDeps(config, { trail: stores.auditTrailStore, forge: config.apps === undefined ? undefined : createForge(config.apps, { log }), log })) },
      chats, ...stores, log, actionTtlMs: config.approvals.ttlMs,
      concurrency, lockDuration: lockDurationMs, stalledInterval: stalledIntervalMs, metrics,
      extraHandlers: { ...schedules.handlers, ...notify.workerHandlers },
    }), schedules);
  }
  if (roles.bot) {
    const producer = createProducer({ redisUrl, prefix: bullPrefix });
    const dispatcher = createDispatcher({ registry, chats, access: config, ...stores, producer, log, clock: () => new Date(), onActionRefused: recordRefusedClicks(stores.auditTrailStore), places: allowedPlaces(config.chat) });
    for (const adapter of adapters) await adapter.start(dispatcher);
    closers.unshift(...adapters.map((a) => ({ close: () => a.stop() })), producer);
  }
  // A read that reaches Redis; it rejects (→ failing) when Redis is down.
  const redisProbe: HealthProbe = { name: 'redis', probe: async () => (await stores.runStore.get('healthz-probe')) === undefined };
  const role = roles.bot && roles.worker ? 'bot+worker' : roles.bot ? 'bot' : 'worker';
  const http = await startHealthServer({ host: config.http.host, port: config.http.port, role, probes: [redisProbe], log, routes: [metricsRoute(metrics), ...notify.routes] });
  closers.unshift(http);
  closers.push(queueDepth, stores);
  log.info({ role, health: `${http.url}/healthz`, platforms: Object.keys(chats) }, 'service started');
  return { healthUrl: http.url, close: () => closeAll(closers, log) };
}

async function closeAll(closers: readonly { close(): Promise<void> }[], log: Logger): Promise<void> {
  for (const c of closers) {
    try { await c.close(); } catch (error) { log.error({ err: error }, 'close failed'); }
  }
}
