import { z } from 'zod';
import { appsSchema } from './apps-schema.js';
import { chatSchema } from './chat-schema.js';
import { clusterSchema } from './cluster-schema.js';
import { parseDuration } from './duration.js';
import { hostSchema } from './host-schema.js';
import { mediaSchema } from './media-schema.js';
import { personSchema, rolesSchema } from './people-schema.js';
import { e2eSchema } from './e2e-schema.js';
import { duration, evenWithIssues, integer, port, redisUrl, strictObject, text } from './primitives.js';
import { schedulesSchema } from './schedules-schema.js';
import { limitsSchema, timeoutsSchema } from './timeouts-schema.js';

export type { AppsConfig, ForgeConfig } from './apps-schema.js';
export type { E2eConfig, E2eStepId } from './e2e-schema.js';
export type { ChatConfig, DiscordConfig, SlackConfig } from './chat-schema.js';
export type { ClusterConfig, FluxCluster, HelmValuesCluster } from './cluster-schema.js';
export type { HostConfig, SshConfig } from './host-schema.js';
export type { MediaConfig } from './media-schema.js';
export type { Person, RoleName, RolesConfig } from './people-schema.js';
export type { ScheduleConfig, SchedulesConfig } from './schedules-schema.js';
export type { CallTimeouts } from './timeouts-schema.js';

const redisSchema = strictObject({
  /** Redis for BullMQ queues and bot state. */
  url: redisUrl().default('redis://127.0.0.1:6379').describe('Redis URL'),
});

const approvalsSchema = strictObject({
  /** How long an Approve/Revert button stays valid. */
  ttl: duration().default('24h').describe('approval button lifetime'),
}).transform((approvals) => ({ ...approvals, /** `ttl` in milliseconds. */ ttlMs: parseDuration(approvals.ttl) }));

const workerSchema = strictObject({
  /** Long jobs (audits, health, /e2e, catalog, remediation) one worker process runs at the same time. */
  concurrency: integer(1).default(2).describe('parallel long jobs per worker'),
  /** Quick jobs (/ping, /request, /status, clicks) one worker process runs at the same time, beside the long ones. */
  quickConcurrency: integer(1).default(4).describe('parallel quick jobs per worker'),
  /** How long a job's lock lasts without renewal; a killed worker's job is retried after about this long. */
  lockDuration: duration().default('30s').describe('job lock duration'),
  /** How often stalled jobs (of killed workers) are looked for. */
  stalledInterval: duration().default('30s').describe('stalled-job check interval'),
  /** How long bot and worker get to stop on SIGTERM before exiting anyway (keep it under Docker's 10 s stop timeout). */
  shutdownDeadline: duration().default('8s').describe('deadline for bot and worker to stop on SIGTERM'),
  /** How often schedules and background pollers are checked in Redis and recreated if missing (a Redis restarted empty). */
  reconcileInterval: duration().default('30s').describe('schedule repair interval'),
}).transform((w) => ({
  ...w,
  lockDurationMs: parseDuration(w.lockDuration),
  stalledIntervalMs: parseDuration(w.stalledInterval),
  shutdownDeadlineMs: parseDuration(w.shutdownDeadline),
  reconcileIntervalMs: parseDuration(w.reconcileInterval),
}));

const rateLimitsSchema = strictObject({
  /** Media requests one person may make per hour. */
  requestsPerHour: integer(1).default(10).describe('media requests per person per hour'),
});

const httpSchema = strictObject({
  /** Address the webhook, /healthz and /metrics server binds to (0.0.0.0 inside a container). */
  host: text('expected an address to bind to, like 127.0.0.1 or 0.0.0.0').default('127.0.0.1').describe('bind address'),
  /** Port of the webhook, /healthz and /metrics server. */
  port: port().default(8780).describe('HTTP port (8080 is left to qBittorrent and Gluetun)'),
});

/** The whole `config.yaml`. Every object is strict: unknown keys are errors. */
const appConfigShape = strictObject({
  /** Docker hosts to audit. */
  hosts: z.array(hostSchema, { error: 'expected a list of hosts' }).default([]),
  /** Kubernetes clusters to audit beside the Docker hosts (their manifests or values live in `apps`). */
  clusters: z.array(clusterSchema, { error: 'expected a list of clusters' }).default([]),
  /** The git repo with the desired compose state. */
  apps: appsSchema.optional(),
  /** Chat platforms; the local shell needs none. */
  chat: chatSchema.prefault({}),
  /** People and their roles. */
  people: z.array(personSchema, { error: 'expected a list of people' }).default([]),
  /** Optional Discord role mapping per role. */
  roles: rolesSchema.prefault({}),
  /** Media services. */
  media: mediaSchema.optional(),
  /** `/e2e`: end-to-end request test of the media pipeline. */
  e2e: e2eSchema.optional(),
  /** Recurring audits and health runs. */
  schedules: schedulesSchema.optional(),
  redis: redisSchema.prefault({}),
  approvals: approvalsSchema.prefault({}),
  rateLimits: rateLimitsSchema.prefault({}),
  /** Job worker tuning. */
  worker: workerSchema.prefault({}),
  http: httpSchema.prefault({}),
  /** Limits of every outside call and every job attempt. */
  timeouts: timeoutsSchema.prefault({}),
  /** Input sizes the bot refuses (compose files). */
  limits: limitsSchema.prefault({}),
});

/** `list[i][key]` for every entry whose value is text; runs on partly invalid input too. */
function valuesAt(list: unknown, key: string): (string | undefined)[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  });
}

function reportDuplicates(ctx: z.RefinementCtx, list: unknown, at: readonly [string, string], what: string): void {
  const [listKey, key] = at;
  const seen = new Map<string, number>();
  valuesAt(list, key).forEach((value, index) => {
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: [listKey, index, key],
        message: `duplicate ${what} '${value}', already used by ${listKey}[${first}]`,
      });
  });
}

function checkShellPerson(config: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const chat = config['chat'] as { shell?: { person?: unknown } } | undefined;
  const person = chat?.shell?.person;
  if (typeof person !== 'string') return;
  const names = valuesAt(config['people'], 'name');
  if (names.includes(person)) return;
  const known = names.filter((n) => n !== undefined).join(', ') || 'none defined';
  ctx.addIssue({
    code: 'custom',
    path: ['chat', 'shell', 'person'],
    message: `expected the name of a person from people[] (${known})`,
  });
}

function checkCrossReferences(config: Record<string, unknown>, ctx: z.RefinementCtx): void {
  reportDuplicates(ctx, config['hosts'], ['hosts', 'name'], 'host name');
  reportDuplicates(ctx, config['clusters'], ['clusters', 'name'], 'cluster name');
  const hostNames = valuesAt(config['hosts'], 'name');
  valuesAt(config['clusters'], 'name').forEach((name, index) => {
    if (name !== undefined && hostNames.includes(name))
      ctx.addIssue({
        code: 'custom',
        path: ['clusters', index, 'name'],
        message: `cluster name '${name}' is already a host name: names must be unique across hosts and clusters`,
      });
  });
  reportDuplicates(ctx, config['people'], ['people', 'name'], 'person name');
  reportDuplicates(ctx, config['people'], ['people', 'discordId'], 'Discord id');
  reportDuplicates(ctx, config['people'], ['people', 'slackId'], 'Slack id');
  checkShellPerson(config, ctx);
}

/** The zod schema of `config.yaml`, including cross-field checks (unique names and ids). */
export const appConfigSchema = appConfigShape.superRefine((config, ctx) => {
  checkCrossReferences(config, ctx);
}, evenWithIssues);

/** A validated configuration. Durations carry a parsed `…Ms` twin (`approvals.ttlMs`, `everyMs`). */
export type AppConfig = z.infer<typeof appConfigSchema>;
/** What `config.yaml` may contain before defaults are applied. */
export type AppConfigInput = z.input<typeof appConfigSchema>;
