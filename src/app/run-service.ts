import type { ActionRefusal } from '../bot/dispatch-deps.js';
import type { ChatPort, Platform } from '../chat/chat-port.js';
import { createDispatcher } from '../bot/dispatch.js';
import { startIntentRecovery } from '../bot/recover-intents.js';
import { recordRefusedClicks } from '../commands/remediation/index.js';
import { recordRefusedFamilyClicks } from '../commands/requests/index.js';
import { jobSpecs, registry } from '../commands/registry.js';
import type { AppConfig } from '../config/schema.js';
import { ConfigError, UserError } from '../errors.js';
import { startHealthServer, type HealthProbe } from '../http/health-server.js';
import { createRedisMonitor, type RedisMonitor } from '../jobs/redis-monitor.js';
import { startWorkerHeartbeat, type WorkerHeartbeat } from '../jobs/worker-heartbeat.js';
import { startAdapters, type AdapterStarts } from './start-adapters.js';
import { startWorkerRole } from './worker-role.js';
import { reportTargets } from './scheduled-tasks.js';
import { createProducer } from '../jobs/queue.js';
import { openQueueDepth } from '../jobs/queue-depth.js';
import { redactChats, redactorOf } from '../jobs/redact-chats.js';
import { startMediaNotify } from './media-notify-wiring.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics/metrics.js';
import { lastCheckResults } from '../metrics/last-check-results.js';
import { metricsRoute } from '../metrics/metrics-route.js';
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
  throw new UserError(
    'no-chat-configured',
    'No chat platform is configured: add chat.discord and/or chat.slack to the config (see config.example.yaml), ' +
      'or use `homelab-bot shell` for the local REPL, which needs no tokens.',
  );
}

/** What the caller hears about while the service runs. */
export interface ServiceHooks {
  /** An unrecoverable error after start (a chat token refused): log one line and exit non-zero. */
  readonly onFatal?: (error: unknown) => void;
}

/**
 * The composition root of a long-running process: stores, queue producer, dispatcher and
 * adapters (bot), the BullMQ worker (worker), and the `/healthz` server for both. Nothing here
 * waits for Redis or the chat platforms: `/healthz` is served at once and reports each of them
 * (503 until the process can do its job); they are retried with backoff in the background.
 */
export async function startService(
  config: AppConfig,
  roles: ServiceRoles,
  log: Logger,
  hooks: ServiceHooks = {},
): Promise<RunningService> {
  if (roles.bot) requireChat(config);
  const redisUrl = config.redis.url;
  const monitor = createRedisMonitor(redisUrl, log);
  const { connect } = monitor;
  const stores = createStores({ redisUrl, prefix: keyPrefix, redis: connect('waiting') });
  const closers: { close(): Promise<void> }[] = [];
  const queueDepth = openQueueDepth({ redisUrl, connect, prefix: bullPrefix });
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
  const notify = startMediaNotify({
    config,
    roles,
    redisUrl,
    connect,
    prefix: bullPrefix,
    store: stores.subscriptionStore,
    chats,
    log,
    cards: { ...stores, actionTtlMs: config.approvals.ttlMs, reportTargets: reportTargets(config.chat) },
  });
  closers.push(notify);
  const heartbeatRedis = connect('failFast');
  const heartbeat = startWorkerHeartbeat(heartbeatRedis, keyPrefix, roles.worker);
  const probes: HealthProbe[] = [redisProbe(monitor)];
  if (roles.worker) {
    const worker = startWorkerRole(config, { connect, stores, chats, metrics, notify, monitor, log });
    closers.push(worker);
    probes.push({
      name: 'worker',
      probe: () =>
        Promise.resolve(
          worker.isRunning() ? { ok: true, detail: 'running' } : { ok: false, detail: 'waiting for Redis' },
        ),
    });
  } else probes.push(workerHeartbeatProbe(heartbeat));
  let starts: AdapterStarts | undefined;
  if (roles.bot) {
    const producer = createProducer({ redisUrl, connect, prefix: bullPrefix, jobs: jobSpecs });
    const botStores = createStores({ redisUrl, prefix: keyPrefix, redis: connect('failFast') });
    const deps = {
      registry,
      chats,
      access: config,
      ...botStores,
      producer,
      log,
      clock: () => new Date(),
      onActionRefused: async (refusal: ActionRefusal) => {
        await recordRefusedClicks(botStores.auditTrailStore)(refusal);
        await recordRefusedFamilyClicks(botStores.auditTrailStore)(refusal);
      },
      places: allowedPlaces(config.chat),
    };
    const dispatcher = createDispatcher(deps);
    const started = startAdapters(adapters, dispatcher, log, hooks.onFatal ?? (() => undefined));
    starts = started;
    probes.push(...adapters.map((a) => ({ name: a.platform, probe: () => Promise.resolve(started.probe(a)) })));
    // Commands a previous bot acked but did not record as runs (it died in between).
    const recovery = startIntentRecovery(deps);
    closers.unshift(
      recovery,
      {
        close: () => {
          started.close();
          return Promise.resolve();
        },
      },
      ...adapters.map((a) => ({ close: () => a.stop() })),
      producer,
      botStores,
    );
  }
  const role = roles.bot && roles.worker ? 'bot+worker' : roles.bot ? 'bot' : 'worker';
  const http = await startHealthServer({
    host: config.http.host,
    port: config.http.port,
    role,
    probes,
    log,
    routes: [metricsRoute(metrics), ...notify.routes],
  }).catch(async (error: unknown) => {
    starts?.close();
    await closeAll(closers, log);
    const code = (error as { code?: string }).code ?? String(error);
    throw new ConfigError(
      `Cannot serve /healthz on ${config.http.host}:${String(config.http.port)}: ${code} (change http.port or free the port)`,
    );
  });
  closers.unshift(http);
  closers.push(queueDepth, stores, {
    close: async () => {
      heartbeat.close();
      heartbeatRedis.disconnect();
      await monitor.close();
    },
  });
  // /healthz is served from here on; healthy platforms are up when this returns (as callers
  // expect), unreachable ones keep retrying in the background.
  await Promise.all([monitor.firstAttempt(), starts?.firstAttempts]);
  log.info({ role, health: `${http.url}/healthz`, platforms: Object.keys(chats) }, 'service started');
  return { healthUrl: http.url, close: () => closeAll(closers, log) };
}

/** Redis as the monitor sees it: failing while unreachable (start-up) or lost. */
const redisProbe = (monitor: RedisMonitor): HealthProbe => ({
  name: 'redis',
  probe: () => {
    const state = monitor.state();
    return Promise.resolve({ ok: state === 'up', detail: state === 'starting' ? 'connecting' : state });
  },
});

/** A bot process reports the workers it can see (not critical: commands still queue without one). */
const workerHeartbeatProbe = (heartbeat: WorkerHeartbeat): HealthProbe => ({
  name: 'workers',
  critical: false,
  probe: async () => {
    const alive = await heartbeat.alive();
    return { ok: alive > 0, detail: `${String(alive)} alive` };
  },
});

async function closeAll(closers: readonly { close(): Promise<void> }[], log: Logger): Promise<void> {
  for (const c of closers) {
    try {
      await c.close();
    } catch (error) {
      log.error({ err: error }, 'close failed');
    }
  }
}
