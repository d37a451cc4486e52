import type { ShellEnd } from '../bot/shell/run-shell.js';
import type { AppConfig } from '../config/schema.js';
import { loadSecretBook } from '../config/secret-book.js';
import { createLogger } from '../log.js';
import type { CliContext } from './cli-command.js';
import type { OwnedScope } from './owned-run.js';

export interface OpenShellOptions {
  /** Redis to use; default `REDIS_URL`, else a private redis-server under the owner. */
  readonly redisUrl?: string | undefined;
  /** Called once the REPL reads input (the demo prints its start-up time). */
  readonly onReady?: () => void;
}

/**
 * The local REPL with the worker in-process, as `homelab-bot shell` and `homelab-bot demo` open it,
 * until `quit`, EOF, a second Ctrl-C or the scope's stop signal.
 */
export async function openShell(
  ctx: CliContext,
  config: AppConfig,
  scope: OwnedScope,
  options: OpenShellOptions = {},
): Promise<ShellEnd> {
  // The REPL owns the terminal: logs go to stderr and only from warnings up, unless LOG_LEVEL says otherwise.
  const log = createLogger({ level: ctx.env['LOG_LEVEL'] ?? 'warn', secrets: await loadSecretBook(config, ctx) });
  const [{ runShell }, { wireFeatures }, { realAdapters }] = await Promise.all([
    import('../bot/shell/run-shell.js'),
    import('../commands/registry.js'),
    import('../app/real-adapters.js'),
  ]);
  const adapters = realAdapters(config, log);
  return runShell({
    config,
    log,
    input: ctx.stdin,
    output: ctx.stdout,
    redisUrl: options.redisUrl ?? (ctx.env['REDIS_URL'] || undefined),
    // /request in the shell is the person named by chat.shell.person, linked through people[].overseerrUserId.
    processors: (stores) => wireFeatures({ config, log, stores, adapters }),
    owner: scope.owner,
    interrupt: scope.stopped,
    ...(options.onReady === undefined ? {} : { onReady: options.onReady }),
  });
}
