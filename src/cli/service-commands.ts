import type { ServiceRoles } from '../app/run-service.js';
import { loadConfig } from '../config/load-config.js';
import { loadSecretBook } from '../config/secret-book.js';
import { createLogger } from '../log.js';
import { defineCliCommand, type CliCommand, type CliContext } from './cli-command.js';
import { exitCodes, type ExitCode } from './exit-codes.js';
import { openShell } from './open-shell.js';
import { runOwned } from './owned-run.js';

const load = (ctx: CliContext) =>
  loadConfig({ ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }), env: ctx.env });

/** Runs until SIGTERM/SIGINT, then closes everything in order. */
async function serve(ctx: CliContext, roles: ServiceRoles): Promise<ExitCode> {
  const config = await load(ctx);
  const log = createLogger({
    name: 'homelab-bot',
    ...(ctx.env['LOG_LEVEL'] ? { level: ctx.env['LOG_LEVEL'] } : {}),
    ...(ctx.env['LOG_FORMAT'] ? { format: ctx.env['LOG_FORMAT'] } : {}),
    secrets: await loadSecretBook(config, ctx),
  });
  // Loaded on demand: `--help` and `healthcheck` (every 30 s in Docker) must not pay for the chat SDKs.
  const [{ startService }, { installShutdown }] = await Promise.all([
    import('../app/run-service.js'),
    import('../jobs/shutdown.js'),
  ]);
  let fatal: (error: unknown) => void = () => undefined;
  const service = await startService(config, roles, log, {
    onFatal: (error) => {
      fatal(error);
    },
  });
  return new Promise<ExitCode>((resolve) => {
    // A refused chat token cannot heal by waiting: one clear line, and a non-zero exit Docker restarts.
    fatal = (error) => {
      const message = error instanceof Error ? error.message : String(error);
      log.fatal({ reason: message }, 'unrecoverable start-up error: exiting');
      ctx.stderr.write(`Cannot start: ${message}\n`);
      void service.close().finally(() => {
        resolve(exitCodes.failure);
      });
    };
    installShutdown(
      [service],
      log,
      (code, timedOut) => {
        resolve(code === 0 ? exitCodes.ok : exitCodes.failure);
        // Past the deadline some handle (a hung socket, a running job) would keep the process alive.
        if (timedOut)
          setImmediate(() => {
            process.exit(exitCodes.failure);
          });
      },
      config.worker.shutdownDeadlineMs,
    );
  });
}

const serviceCommand = (word: string, roles: ServiceRoles, summary: string): CliCommand =>
  defineCliCommand({
    path: [word],
    summary,
    options: {},
    run: (ctx) => serve(ctx, roles),
  });

export const serviceCommands: readonly CliCommand[] = [
  defineCliCommand({
    path: ['shell'],
    summary: 'local chat REPL with the worker in the same process (needs no chat tokens)',
    details: 'Redis comes from REDIS_URL, or a private redis-server is started from PATH. Type help in the REPL.',
    options: {},
    run: (ctx) =>
      runOwned(async (scope) => {
        await openShell(ctx, await load(ctx), scope);
        return exitCodes.ok;
      }),
  }),
  serviceCommand('start', { bot: true, worker: true }, 'Discord/Slack bot and job worker in one process'),
  serviceCommand('bot', { bot: true, worker: false }, 'Discord/Slack adapters only: commands go onto the queue'),
  serviceCommand(
    'worker',
    { bot: false, worker: true },
    'job worker only: runs queued jobs and posts into their threads',
  ),
];
