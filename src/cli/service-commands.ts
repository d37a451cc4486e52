import type { ServiceRoles } from '../app/run-service.js';
import { loadConfig } from '../config/load-config.js';
import { collectSecretValues } from '../config/secrets.js';
import type { AppConfig } from '../config/schema.js';
import type { Processors } from '../jobs/processor.js';
import { createLogger, type Logger } from '../log.js';
import type { Stores } from '../store/stores.js';
import { defineCliCommand, type CliCommand, type CliContext } from './cli-command.js';
import { exitCodes, type ExitCode } from './exit-codes.js';

const load = (ctx: CliContext) => loadConfig({ ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }), env: ctx.env });

/** Runs until SIGTERM/SIGINT, then closes everything in order. */
async function serve(ctx: CliContext, roles: ServiceRoles): Promise<ExitCode> {
  const config = await load(ctx);
  const log = createLogger({ name: 'homelab-bot', secrets: collectSecretValues(config) });
  // Loaded on demand: `--help` and `healthcheck` (every 30 s in Docker) must not pay for the chat SDKs.
  const [{ startService }, { installShutdown }] = await Promise.all([import('../app/run-service.js'), import('../jobs/shutdown.js')]);
  const service = await startService(config, roles, log);
  return new Promise<ExitCode>((resolve) => {
    installShutdown([service], log, (code, timedOut) => {
      resolve(code === 0 ? exitCodes.ok : exitCodes.failure);
      // Past the deadline some handle (a hung socket, a running job) would keep the process alive.
      if (timedOut) setImmediate(() => { process.exit(exitCodes.failure); });
    }, config.worker.shutdownDeadlineMs);
  });
}

const serviceCommand = (word: string, roles: ServiceRoles, summary: string): CliCommand => defineCliCommand({
  path: [word], summary, options: {}, run: (ctx) => serve(ctx, roles),
});

export const serviceCommands: readonly CliCommand[] = [
  defineCliCommand({
    path: ['shell'],
    summary: 'local chat REPL with the worker in the same process (needs no chat tokens)',
    details: 'Redis comes from REDIS_URL, or a private redis-server is started from PATH. Type help in the REPL.',
    options: {},
    run: async (ctx) => {
      const config = await load(ctx);
      // The REPL owns the terminal: logs go to stderr and only from warnings up, unless LOG_LEVEL says otherwise.
      const log = createLogger({ level: ctx.env['LOG_LEVEL'] ?? 'warn', secrets: collectSecretValues(config) });
      const [{ runShell }, { processors }, { driftProcessors }] = await Promise.all([
        import('../bot/shell/run-shell.js'), import('../jobs/processors/processors.js'), import('../jobs/processors/drift-processors.js'),
      ]);
      await runShell({
        processors: { ...processors, ...driftProcessors(config, log), ...(await import('../jobs/processors/health-processors.js')).healthProcessors(config), ...(await import('../jobs/processors/status-processors.js')).statusProcessors(config, log),
          ...(await import('../jobs/processors/media-requests-list-wiring.js')).requestsListProcessors(config),
          ...(await import('../jobs/processors/e2e-processors.js')).e2eProcessors(config),
          ...(await import('../jobs/processors/catalog-processors.js')).catalogProcessors(config, log) }, config, log, input: ctx.stdin, output: ctx.stdout, redisUrl: ctx.env['REDIS_URL'] || undefined,
        storeProcessors: await shellRemediation(config, log) });
      return exitCodes.ok;
    },
  }),
  serviceCommand('start', { bot: true, worker: true }, 'Discord/Slack bot and job worker in one process'),
  serviceCommand('bot', { bot: true, worker: false }, 'Discord/Slack adapters only: commands go onto the queue'),
  serviceCommand('worker', { bot: false, worker: true }, 'job worker only: runs queued jobs and posts into their threads'),
];

/** Remediation, health fix PRs and /request in the shell: their processors need the session's stores. */
async function shellRemediation(config: AppConfig, log: Logger): Promise<(stores: Stores) => Partial<Processors>> {
  const [{ remediationProcessors }, { remediationJobDeps }, { createForge }, { healthProcessors }, { mediaRequestProcessors }] = await Promise.all([
    import('../jobs/processors/remediation-processors.js'), import('../jobs/processors/remediation-wiring.js'), import('../forge/create-forge.js'),
    import('../jobs/processors/health-processors.js'), import('../jobs/processors/media-request-processors.js'),
  ]);
  const forge = config.apps === undefined ? undefined : createForge(config.apps, { log });
  return (stores) => ({
    ...remediationProcessors(remediationJobDeps(config, { trail: stores.auditTrailStore, forge, log })),
    // Health fix PRs land in the same audit trail as drift remediation.
    'health.open-fix': healthProcessors(config, log, stores.auditTrailStore)['health.open-fix'],
    // /request in the shell: the person named by chat.shell.person, linked through people[].overseerrUserId.
    ...mediaRequestProcessors(config, stores),
  });
}
