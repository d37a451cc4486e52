import type { ActionRefusal } from '../bot/dispatch-deps.js';
import type { ChatPort, Platform } from '../chat/chat-port.js';
import { createDispatcher } from '../bot/dispatch.js';
import { startIntentRecovery } from '../bot/recover-intents.js';
import { recordRefusedClicks } from '../commands/remediation/index.js';
import { recordRefusedFamilyClicks } from '../commands/requests/index.js';
import { bindJobs, jobSpecs, registry, scheduledTasks, wireFeatures } from '../commands/registry.js';
import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import { startHealthServer, type HealthProbe } from '../http/health-server.js';
import { reportTargets } from './scheduled-tasks.js';
import { createProducer } from '../jobs/queue.js';
import { openQueueDepth } from '../jobs/queue-depth.js';
import { startSchedules } from '../jobs/schedules.js';
import { startWorker } from '../jobs/worker.js';
import { redactChats, redactorOf } from '../jobs/redact-chats.js';
import { startMediaNotify } from './media-notify-wiring.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics/metrics.js';
import { lastCheckResults } from '../metrics/last-check-results.js';
import { metricsRoute } from '../metrics/metrics-route.js';
import { recordAudit } from '../metrics/record-audit.js';
import { createStores } from '../store/stores.js';
import { allowedPlaces, createAdapters, createOutboundChats } from './create-chats.js';
import { realAdapters } from './real-adapters.js';

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
  throw new UserError(
    'no-chat-configured',
    'No chat platform is configured: add chat.discord and/or chat.slack to the config (see config.example.yaml), ' +
      'or use `homelab-bot shell` for the local REPL, which needs no tokens.',
  );
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
  const metrics = createMetrics({
    queueDepth: () => queueDepth.depth(),
    checkResults: () => lastCheckResults(stores.healthStore),
    redact: redactorOf(log),
  });
  const adapters = roles.bot
    ? createAdapters(config.chat, registry, log, config.http.host, metrics, config.timeouts.ms.chat)
    : [];
  const chats: Partial<Record<Platform, ChatPort>> = redactChats(
    roles.bot
      ? Object.fromEntries(adapters.map((a) => [a.platform, a]))
      : createOutboundChats(config.chat, log, config.timeouts.ms.chat),
    redactorOf(log),
  );
  const notify = await startMediaNotify({
    config,
    roles,
    redisUrl,
    prefix: bullPrefix,
    store: stores.subscriptionStore,
    chats,
    log,
    cards: { ...stores, actionTtlMs: config.approvals.ttlMs, reportTargets: reportTargets(config.chat) },
  });
  closers.push(notify);
  if (roles.worker) {
    const { concurrency, lockDurationMs, stalledIntervalMs } = config.worker;
    const features = {
      config,
      log,
      stores,
      adapters: realAdapters(config, log),
      onAudit: recordAudit(metrics),
      chats,
    };
    const schedules = await startSchedules({
      redisUrl,
      prefix: bullPrefix,
      keyPrefix,
      tasks: scheduledTasks(features),
      chats,
      targets: reportTargets(config.chat),
      runStore: stores.runStore,
      log,
    });
    closers.push(
      startWorker({
        redisUrl,
        prefix: bullPrefix,
        jobs: bindJobs(wireFeatures(features)),
        chats,
        ...stores,
        log,
        actionTtlMs: config.approvals.ttlMs,
        concurrency,
        quickConcurrency: config.worker.quickConcurrency,
        budgets: config.timeouts.jobsMs,
        lockDuration: lockDurationMs,
        stalledInterval: stalledIntervalMs,
        metrics,
        extraHandlers: { ...schedules.handlers, ...notify.workerHandlers },
      }),
      schedules,
    );
  }
  if (roles.bot) {
    const producer = createProducer({ redisUrl, prefix: bullPrefix, jobs: jobSpecs });
    const deps = {
      registry,
      chats,
      access: config,
      ...stores,
      producer,
      log,
      clock: () => new Date(),
      onActionRefused: async (refusal: ActionRefusal) => {
        await recordRefusedClicks(stores.auditTrailStore)(refusal);
        await recordRefusedFamilyClicks(stores.auditTrailStore)(refusal);
      },
      places: allowedPlaces(config.chat),
    };
    for (const adapter of adapters) await adapter.start(createDispatcher(deps));
    // Commands a previous bot acked but did not record as runs (it died in between).
    const recovery = startIntentRecovery(deps);
    closers.unshift(recovery, ...adapters.map((a) => ({ close: () => a.stop() })), producer);
  }
  // A read that reaches Redis; it rejects (→ failing) when Redis is down.
  const redisProbe: HealthProbe = {
    name: 'redis',
    probe: async () => (await stores.runStore.get('healthz-probe')) === undefined,
  };
  const role = roles.bot && roles.worker ? 'bot+worker' : roles.bot ? 'bot' : 'worker';
  const http = await startHealthServer({
    host: config.http.host,
    port: config.http.port,
    role,
    probes: [redisProbe],
    log,
    routes: [metricsRoute(metrics), ...notify.routes],
  });
  closers.unshift(http);
  closers.push(queueDepth, stores);
  log.info({ role, health: `${http.url}/healthz`, platforms: Object.keys(chats) }, 'service started');
  return { healthUrl: http.url, close: () => closeAll(closers, log) };
}

async function closeAll(closers: readonly { close(): Promise<void> }[], log: Logger): Promise<void> {
  for (const c of closers) {
    try {
      await c.close();
    } catch (error) {
      log.error({ err: error }, 'close failed');
    }
  }
}
