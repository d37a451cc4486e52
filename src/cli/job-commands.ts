import { loadConfig } from '../config/load-config.js';
import { defineCliCommand, type CliCommand } from './cli-command.js';

/**
 * One-shot runs of jobs without chat. Each prints a human report, or JSON with --json, and
 * exits 0 (clean) / 1 (findings) / 3 (could not run). A composition root: the real adapters
 * (SSH/Docker, Kubernetes) are built here and passed in.
 */
const json = { type: 'boolean', description: 'print the JSON report instead of text' } as const;

export const jobCommands: readonly CliCommand[] = [
  defineCliCommand({
    path: ['drift', 'audit'],
    summary: 'audit running containers against the compose files in git (exit 1 on drift)',
    options: {
      host: { type: 'string', valueName: 'name', description: 'only this host (a hosts[].name)' },
      stack: { type: 'string', valueName: 'name', description: 'only this stack' },
      json,
    },
    run: async (ctx) => {
      const [{ runDriftAuditCli }, { realConnections }, { auditConnections }, { silentLogger }] = await Promise.all([
        import('../drift/cli-audit.js'),
        import('../app/real-adapters.js'),
        import('../commands/feature-context.js'),
        import('../log.js'),
      ]);
      const config = await loadConfig({
        ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }),
        env: ctx.env,
      });
      const text = (name: string): string | undefined =>
        typeof ctx.values[name] === 'string' ? ctx.values[name] : undefined;
      return runDriftAuditCli(
        config,
        { host: text('host'), stack: text('stack'), json: ctx.values['json'] === true },
        ctx.stdout,
        auditConnections(realConnections(config), silentLogger()),
      );
    },
  }),
  defineCliCommand({
    path: ['drift', 'lint'],
    summary:
      'lint the compose stacks and Flux service folders in git (exit 1 on findings; --dir lints a working tree, e.g. in a pre-commit hook)',
    options: {
      json,
      dir: {
        type: 'string',
        valueName: 'path',
        description: 'lint this checkout as it is on disk instead of the configured branch',
      },
    },
    run: async (ctx) => {
      const [{ runDriftLintCli }, { realConnections }, { silentLogger }] = await Promise.all([
        import('../drift/cli-audit.js'),
        import('../app/real-adapters.js'),
        import('../log.js'),
      ]);
      const config = await loadConfig({
        ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }),
        env: ctx.env,
      });
      const dir = typeof ctx.values['dir'] === 'string' ? ctx.values['dir'] : undefined;
      const { connectHost } = realConnections(config);
      return runDriftLintCli(config, { json: ctx.values['json'] === true, dir }, ctx.stdout, {
        connect: (host) => connectHost(host, silentLogger()),
      });
    },
  }),
  defineCliCommand({
    path: ['health'],
    summary: 'check the media pipeline services and their integration (exit 1 when a check fails)',
    options: { json },
    run: async (ctx) => {
      const [{ runHealthCli }, { silentLogger }, { realConnections }] = await Promise.all([
        import('../checks/cli-health.js'),
        import('../log.js'),
        import('../app/real-adapters.js'),
      ]);
      const config = await loadConfig({
        ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }),
        env: ctx.env,
      });
      const log = silentLogger();
      return runHealthCli(config, { json: ctx.values['json'] === true }, ctx.stdout, log, realConnections(config));
    },
  }),
];
