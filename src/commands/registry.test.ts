import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultConfig } from '../config/default-config.js';
import { appConfigSchema } from '../config/schema.js';
import { silentLogger } from '../log.js';
import { conformanceProblems } from './conformance.js';
import { defineCommand } from './define-command.js';
import type { FeatureShape } from './define-feature.js';
import type { FeatureContext, FeatureStores } from './feature-context.js';
import { commandJob } from './job-schemas.js';
import { commandOptionSpecs } from './option-specs.js';
import { toDiscordCommands } from './discord-json.js';
import { actions, commandLabel, commands, features, jobSpecs, scheduledTasks } from './registry.js';
import { statusFeature } from './status/index.js';

const folder = dirname(fileURLToPath(import.meta.url));
const featureFolders = readdirSync(folder, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Stores that fail when used: wiring must only capture them, never call them. */
const unusedStores = new Proxy(
  {},
  {
    get: (_target, store) =>
      new Proxy(
        {},
        {
          get: (_t, method) => () => Promise.reject(new Error(`${String(store)}.${String(method)} used while wiring`)),
        },
      ),
  },
) as FeatureStores;

const ctx: FeatureContext = {
  config: defaultConfig(),
  log: silentLogger(),
  stores: unusedStores,
  adapters: {
    forge: undefined,
    connectHost: () => Promise.reject(new Error('no hosts while wiring')),
    connectCluster: () => {
      throw new Error('no clusters while wiring');
    },
  },
};

const reboot = defineCommand({
  command: 'reboot',
  description: 'Reboot a host',
  role: 'operator',
  job: 'system.reboot',
  options: z.object({}),
});

describe('feature registry conformance', () => {
  it('registers every feature folder, wires a processor and a retry row for every job', () => {
    expect(featureFolders.length).toBeGreaterThanOrEqual(7);
    expect(conformanceProblems(features, featureFolders, ctx)).toEqual([]);
  });

  it('fails for a feature folder that is not registered', () => {
    const withoutCatalog = features.filter((f) => f.name !== 'catalog');
    expect(conformanceProblems(withoutCatalog, featureFolders, ctx)).toEqual([
      'feature folder src/commands/catalog/ is not registered in src/commands/registry.ts',
    ]);
  });

  it('fails for a command whose job has no processor', () => {
    const broken: FeatureShape = { ...statusFeature, commands: [...statusFeature.commands, reboot] };
    expect(conformanceProblems([broken], ['status'], ctx)).toEqual([
      'command /reboot (status) enqueues system.reboot, which is not a job of status, so no processor runs it',
    ]);
  });

  it('fails for a declared job that wire(ctx) gives no processor, or that has no retry row', () => {
    const broken: FeatureShape = {
      ...statusFeature,
      commands: [...statusFeature.commands, reboot],
      jobs: { ...statusFeature.jobs, 'system.reboot': commandJob(reboot.options) },
    };
    expect(conformanceProblems([broken], ['status'], ctx)).toEqual([
      'job system.reboot (status) has no processor in wire(ctx)',
      'job system.reboot (status) has no retry row',
    ]);
  });

  it('fails for a job declared by two features', () => {
    const twin: FeatureShape = { ...statusFeature, name: 'twin', commands: [], actions: [] };
    expect(conformanceProblems([statusFeature, twin], ['status', 'twin'], ctx)).toContain(
      'job system.ping is declared by more than one feature',
    );
  });

  it('has unique command names and action kinds', () => {
    const labels = commands.map(commandLabel);
    expect(new Set(labels).size).toBe(labels.length);
    const kinds = actions.map((a) => a.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('points every command and action at a job with a schema and retry row, with a valid role', () => {
    for (const d of [...commands, ...actions]) {
      expect(jobSpecs[d.job], `${d.job} in the job specs`).toBeDefined();
      expect(['operator', 'family']).toContain(d.role);
    }
  });

  // Family may only use the media-request commands and /report, plus the harmless /ping probe.
  it('gives the family role only to /ping, the media-request commands and /report', () => {
    const familyAllowed = new Set(['ping', 'request', 'requests', 'report']);
    const family = commands.filter((d) => d.role === 'family').map((d) => d.command);
    expect(family).toContain('ping');
    expect(family.filter((c) => !familyAllowed.has(c))).toEqual([]);
    expect(
      actions.filter((a) => a.role === 'family' && !/^(request|report)\./.test(a.kind)).map((a) => a.kind),
    ).toEqual([]);
    // Deciding requests and closing issues is the operator's.
    const operatorOnly = ['request.approve', 'request.decline', 'request.decline-reason', 'issue.resolve'];
    expect(operatorOnly.map((k) => actions.find((a) => a.kind === k)?.role)).toEqual(
      operatorOnly.map(() => 'operator'),
    );
    expect(commands.find((d) => d.command === 'status')?.role).toBe('operator');
  });

  it('derives option specs and Discord JSON for every command', () => {
    for (const d of commands) expect(() => commandOptionSpecs(d)).not.toThrow();
    expect(toDiscordCommands(commands).map((c) => c.name)).toContain('ping');
  });

  it('offers scheduled tasks only for what the config schedules and has (none without apps and media)', () => {
    expect(scheduledTasks(ctx)).toEqual([]);
    const withApps: FeatureContext = { ...ctx, config: appConfigSchema.parse({ apps: { path: '/srv/apps' } }) };
    expect(scheduledTasks(withApps)).toEqual([]);
    const scheduled: FeatureContext = {
      ...ctx,
      config: appConfigSchema.parse({
        apps: { path: '/srv/apps' },
        schedules: { driftAudit: { every: '6h' }, health: { cron: '0 7 * * *' } },
      }),
    };
    // health is scheduled but has no media to check: left out (with a warning).
    expect(scheduledTasks(scheduled).map((t) => [t.kind, t.when.everyMs])).toEqual([['drift-audit', 6 * 3600_000]]);
  });
});
