import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How one job attempt ended: done, refused (a UserError such as "not configured": answered, not a
 * fault), failed for good, failed with a retry to come, or parked to resume later.
 */
export type JobOutcome = 'succeeded' | 'refused' | 'failed' | 'retried' | 'parked';

/** Queue depth by BullMQ state (`waiting`, `active`, `delayed`, …), read on every scrape. */
export type QueueDepth = () => Promise<Readonly<Record<string, number>>>;

/** One health check's latest status, as the checks runner reports it. */
export interface CheckStatus {
  readonly name: string;
  /** `ok`, `warn`, `fail`, `error`, `skipped` (any short word works; exported as a label). */
  readonly status: string;
}

/** What the worker tells the metrics about a finished job attempt. */
export interface JobMetrics {
  jobFinished(name: string, outcome: JobOutcome, seconds: number): void;
}

/** The process's metrics: one prom-client Registry, created per process and passed around. */
export interface Metrics extends JobMetrics {
  readonly registry: Registry;
  /** Drift items of the latest full audit, by severity (every severity is reset first). */
  setDriftItems(items: readonly { readonly severity: string }[]): void;
  /** Latest status per health check (a state set: the current status has value 1). */
  recordCheckResults(results: readonly CheckStatus[]): void;
  /** One retried or lost Discord interaction ack (`homelab_discord_acks_total`). */
  ackEvent(event: 'retried' | 'lost', reason: string): void;
  /** The Prometheus text exposition and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  /** Read on scrape; without it there is no queue depth gauge. */
  readonly queueDepth?: QueueDepth;
  /** The latest check statuses, read on scrape (e.g. the cached last health run); undefined when none. */
  readonly checkResults?: () => Promise<readonly CheckStatus[] | undefined>;
  /** `process_*` / `nodejs_*` metrics; default on. */
  readonly defaultMetrics?: boolean;
  /** Masks secrets in the exposition (label values come from job names, check ids and statuses). */
  readonly redact?: (text: string) => string;
}

const severities = ['breaking', 'functional', 'cosmetic', 'unverifiable'] as const;
const checkStates = ['ok', 'warn', 'fail', 'error', 'skipped'] as const;

function queueGauge(registry: Registry, depth: QueueDepth): void {
  new Gauge({
    name: 'homelab_queue_jobs',
    help: 'Jobs in the queue by state, read from BullMQ on scrape',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await depth();
      this.reset();
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
}

/** Builds a fresh registry with the bot's metrics (no module-level state: call once per process). */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  if (options.queueDepth !== undefined) queueGauge(registry, options.queueDepth);
  const jobs = new Counter({
    name: 'homelab_jobs_total',
    help: 'Job attempts by job name and outcome',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'homelab_job_duration_seconds',
    help: 'Job attempt duration by job name',
    labelNames: ['job'],
    registers: [registry],
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1800],
  });
  const acks = new Counter({
    name: 'homelab_discord_acks_total',
    help: 'Interaction acks retried or lost, by reason',
    labelNames: ['event', 'reason'],
    registers: [registry],
  });
  const drift = new Gauge({
    name: 'homelab_drift_items',
    help: 'Drift items of the latest full audit by severity',
    labelNames: ['severity'],
    registers: [registry],
  });
  const setChecks = (gauge: Gauge, results: readonly CheckStatus[]): void => {
    for (const { name, status } of results) {
      for (const state of new Set<string>([...checkStates, status]))
        gauge.set({ check: name, status: state }, state === status ? 1 : 0);
    }
  };
  const read = options.checkResults;
  const checks = new Gauge({
    name: 'homelab_check_status',
    help: 'Latest health check status (1 for the current status)',
    labelNames: ['check', 'status'],
    registers: [registry],
    ...(read === undefined
      ? {}
      : {
          async collect(this: Gauge) {
            const results = await read();
            if (results !== undefined) setChecks(this, results);
          },
        }),
  });
  return {
    registry,
    jobFinished: (name, outcome, seconds) => {
      jobs.inc({ job: name, outcome });
      durations.observe({ job: name }, seconds);
    },
    setDriftItems: (items) => {
      for (const severity of severities) drift.set({ severity }, items.filter((i) => i.severity === severity).length);
    },
    recordCheckResults: (results) => {
      setChecks(checks, results);
    },
    ackEvent: (event, reason) => {
      acks.inc({ event, reason });
    },
    render: async () => ({
      contentType: registry.contentType,
      body: (options.redact ?? ((t: string) => t))(await registry.metrics()),
    }),
  };
}
