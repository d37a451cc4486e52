import { z } from 'zod';
import { parseDuration } from './duration.js';
import { duration, strictObject } from './primitives.js';

const limit = (fallback: string, what: string) => duration().default(fallback).describe(what);

/**
 * How long each kind of outside call may take before it fails with the host or service named.
 * Every call has one; nothing waits forever on a peer that accepts a connection and never answers.
 */
const callTimeoutsShape = {
  /** TCP connect + SSH handshake + authentication of a Docker host. */
  sshHandshake: limit('20s', 'SSH connect and handshake'),
  /** One Docker Engine API call over SSH (list, inspect, ping, version). */
  dockerApi: limit('30s', 'one Docker API call'),
  /** Reading one host file (SFTP, or `cat` when SFTP is off). */
  sftpRead: limit('30s', 'reading one host file'),
  /** One remote command (transport probe, `cat`). */
  remoteExec: limit('30s', 'one remote command'),
  /** One git command (clone, fetch, push, …); the process is killed at the limit. */
  git: limit('2m', 'one git command'),
  /** One HTTP call to a media service (Overseerr, Radarr, Sonarr, Prowlarr, qBittorrent, Plex, Gluetun). */
  http: limit('10s', 'one media-service HTTP call'),
  /** One GitHub API call (each retry gets its own). */
  github: limit('30s', 'one GitHub API call'),
  /** One chat REST call (Discord REST, Slack Web API). */
  chat: limit('15s', 'one chat REST call'),
} as const;

/** Job name (`drift.audit`) → overall budget of one attempt; unset jobs keep their feature's default. */
const jobBudgets = z.record(z.string(), duration(), { error: 'expected job name → duration, like drift.audit: 10m' });

/** `timeouts:`: per-call limits and per-job budgets. */
export const timeoutsSchema = strictObject({
  ...callTimeoutsShape,
  /** Overall budget of one job attempt, by job name; on expiry the job fails naming what did not answer. */
  jobs: jobBudgets.default({}).describe('per-job budget overrides'),
}).transform((t) => {
  const { jobs, ...calls } = t;
  const ms = Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, parseDuration(v)])) as Record<
    keyof typeof callTimeoutsShape,
    number
  >;
  return {
    ...t,
    /** Every call limit in milliseconds. */
    ms,
    /** Job budgets in milliseconds, by job name. */
    jobsMs: Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, parseDuration(v)])),
  };
});

/** Call limits in milliseconds, as the adapters take them. */
export type CallTimeouts = z.infer<typeof timeoutsSchema>['ms'];

/** The defaults, for callers without a config (tests, one-off tools). */
export const defaultCallTimeouts: CallTimeouts = timeoutsSchema.parse({}).ms;

const sizeUnits = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 } as const;
const sizeHint = 'a size like 2MB, 512KB or 3000000 (bytes)';

/** `2MB`, `512KB`, `1.5MB` or a plain byte count → bytes; undefined when not a size. */
export function tryParseSize(value: unknown): number | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value) > 0 ? Number(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?\s*$/i.exec(value);
  if (match === null) return undefined;
  const bytes = Math.round(Number(match[1]) * sizeUnits[(match[2]?.toUpperCase() ?? 'B') as keyof typeof sizeUnits]);
  return bytes > 0 ? bytes : undefined;
}

const size = () =>
  z
    .custom<string | number>((v) => tryParseSize(v) !== undefined, { error: `expected ${sizeHint}` })
    .transform((v) => tryParseSize(v) ?? 0);

/** `limits:`: input sizes the bot refuses to process. */
export const limitsSchema = strictObject({
  /** Largest compose file parsed (per file); a larger one is reported as unparseable, naming the file. */
  composeFileSize: size()
    .default(2 * 1024 * 1024)
    .describe('largest compose file, per file'),
});
