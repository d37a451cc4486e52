import type { Readable, Writable } from 'node:stream';
import {
  bindJobs,
  hasSubcommands,
  jobSpecs,
  registry as defaultRegistry,
  type Processors,
  type Registry,
} from '../../commands/registry.js';
import { createProducer } from '../../jobs/queue.js';
import { startWorker } from '../../jobs/worker.js';
import type { Logger } from '../../log.js';
import type { ProcessOwner } from '../../process/process-owner.js';
import { withDeadline, type TerminationSignal } from '../../process/termination-signals.js';
import { startPrivateRedis } from '../../store/private-redis.js';
import { createStores, type Stores } from '../../store/stores.js';
import type { AccessConfig, PersonEntry } from '../authorize.js';
import { createDispatcher } from '../dispatch.js';
import { ShellChat, type ShellExit } from './shell-chat.js';
import { renderCommandHelp, renderCommandList } from './shell-help.js';

/** The config fields the shell reads (a subset of AppConfig). */
export interface ShellConfig extends AccessConfig {
  readonly chat?: { readonly shell?: { readonly person?: string | undefined } | undefined } | undefined;
  readonly approvals?: { readonly ttlMs?: number | undefined } | undefined;
  /** Job budgets by name in ms (config `timeouts.jobs`). */
  readonly timeouts?: { readonly jobsMs?: Readonly<Record<string, number>> | undefined } | undefined;
  readonly worker?: { readonly concurrency?: number; readonly quickConcurrency?: number } | undefined;
}

export interface RunShellOptions {
  readonly config: ShellConfig;
  readonly log: Logger;
  readonly input: Readable;
  readonly output: Writable;
  /** `REDIS_URL`; when undefined a private redis-server is started from PATH. */
  readonly redisUrl?: string | undefined;
  /** Redis key prefix for stores and BullMQ (tests isolate with a unique one). */
  readonly prefix?: string;
  readonly registry?: Registry;
  /**
   * The in-process worker's processors, built once the session's stores exist: the CLI root passes
   * `wireFeatures({ config, log, stores, adapters })`; tests may replace entries.
   */
  readonly processors: (stores: Stores) => Processors;
  /** Owns the private redis-server (its supervisor stops it however this process ends). */
  readonly owner?: ProcessOwner;
  /** A stop request from outside (SIGINT, SIGTERM, SIGHUP): the session closes and runShell returns. */
  readonly interrupt?: Promise<TerminationSignal>;
  /** How long closing may take before runShell returns anyway (default 1500 ms). */
  readonly closeDeadlineMs?: number;
  /** Called once the session is up and the REPL reads input. */
  readonly onReady?: () => void;
  /** The REPL's prompt (default `homelab> ` on a terminal, none on a pipe); `false` for none. */
  readonly prompt?: string | false;
}

/** A running REPL with its in-process worker. */
export interface ShellSession {
  readonly chat: ShellChat;
  readonly redisUrl: string;
  close(): Promise<void>;
}

// With no `chat.shell.person`, the REPL acts as an implicit local operator.
function shellAccess(config: ShellConfig): { access: AccessConfig; userId: string } {
  const person = config.chat?.shell?.person;
  if (person !== undefined) return { access: config, userId: person };
  const local: PersonEntry = { name: 'local', role: 'operator', shellId: 'local' };
  return { access: { ...config, people: [...config.people, local] }, userId: 'local' };
}

/** Starts redis (if needed), stores, producer, worker and the REPL; does not wait for `quit`. */
export async function startShellSession(options: RunShellOptions): Promise<ShellSession> {
  const redis = options.redisUrl === undefined ? await startPrivateRedis(undefined, options.owner) : undefined;
  const redisUrl = redis?.url ?? options.redisUrl ?? '';
  const prefix = options.prefix ?? 'hlb:';
  const registry = options.registry ?? defaultRegistry;
  const { access, userId } = shellAccess(options.config);
  const stores = createStores({ redisUrl, prefix });
  const chat = new ShellChat({
    input: options.input,
    output: options.output,
    user: { platform: 'shell', id: userId, roleIds: [], displayName: userId },
    hasSubcommands: (c) => hasSubcommands(registry, c),
    helpText: renderCommandList(registry),
    commandHelp: (topic) => renderCommandHelp(registry, topic),
    commandNames: [...new Set(registry.commands.map((d) => d.command))],
    ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
  });
  const producer = createProducer({ redisUrl, prefix: `${prefix}bull`, jobs: jobSpecs });
  const worker = startWorker({
    redisUrl,
    prefix: `${prefix}bull`,
    jobs: bindJobs(options.processors(stores)),
    chats: { shell: chat },
    ...stores,
    log: options.log,
    ...(options.config.approvals?.ttlMs === undefined ? {} : { actionTtlMs: options.config.approvals.ttlMs }),
    ...(options.config.timeouts?.jobsMs === undefined ? {} : { budgets: options.config.timeouts.jobsMs }),
    ...(options.config.worker?.concurrency === undefined ? {} : { concurrency: options.config.worker.concurrency }),
    ...(options.config.worker?.quickConcurrency === undefined
      ? {}
      : { quickConcurrency: options.config.worker.quickConcurrency }),
  });
  await chat.start(
    createDispatcher({
      registry,
      chats: { shell: chat },
      access,
      ...stores,
      producer,
      log: options.log,
      clock: () => new Date(),
    }),
  );
  chat.print(
    `homelab-bot shell — you are ${userId}${redis === undefined ? '' : ` (private redis on ${redisUrl})`}. Type help.`,
  );
  return {
    chat,
    redisUrl,
    close: async () => {
      await chat.stop();
      await worker.close();
      await producer.close();
      await stores.close();
      await redis?.stop();
    },
  };
}

/** How a shell run ended: the REPL's own way, or the signal that stopped it. */
export type ShellEnd = ShellExit | TerminationSignal;

/**
 * The README's run command: the REPL with the worker in-process, until `quit`, EOF, a second
 * Ctrl-C or `interrupt`. Closing is bounded by `closeDeadlineMs`; the owner stops what is left.
 */
export async function runShell(options: RunShellOptions): Promise<ShellEnd> {
  const session = await startShellSession(options);
  options.onReady?.();
  const never = new Promise<never>(() => undefined);
  try {
    return await Promise.race([session.chat.done, options.interrupt ?? never]);
  } finally {
    await withDeadline(session.close(), options.closeDeadlineMs ?? 1500);
  }
}
