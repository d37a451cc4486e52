import { z } from 'zod';
import type { CommandDefinition, Role } from '../commands/define-command.js';
import { didYouMeanText } from '../commands/did-you-mean.js';
import { commandOptionSpecs } from '../commands/option-specs.js';
import { describeOptions, parseCommandText } from '../commands/parse-text.js';
import { commandLabel, findCommand } from '../commands/registry.js';
import { UserError } from '../errors.js';
import { authorize, refusalMessage, resolveRole } from './authorize.js';
import type { InboundCommand, InboundHandler, Responder } from './inbound.js';
import { onAction } from './dispatch-action.js';
import { chatFor, queueCall, replyWithError, stableId, toRequester, type DispatchDeps } from './dispatch-deps.js';
import { claimContent } from './dispatch-dedupe.js';
import { checkPlace } from './dispatch-place.js';
import { ensureAnnounced } from '../jobs/ensure-announced.js';

export type { DispatchDeps } from './dispatch-deps.js';

/**
 * The definition for `/command [subcommand]`, or a UserError that lists what this person may run:
 * the sub-commands when the command exists (`/request Dune` → `/request movie`, `/request tv`),
 * else every command their role allows.
 */
export function findDefinition(
  registry: DispatchDeps['registry'],
  cmd: Pick<InboundCommand, 'command' | 'subcommand'>,
  role: Role | undefined,
): CommandDefinition {
  const definition = findCommand(registry, cmd.command, cmd.subcommand);
  if (definition !== undefined) return definition;
  const allowed = registry.commands.filter((d) => authorize(role, d.role));
  const usage = (d: CommandDefinition): string => `/${commandLabel(d)} (${d.description})`;
  const siblings = allowed.filter((d) => d.command === cmd.command && d.subcommand !== undefined);
  if (siblings.length > 0) {
    const guess =
      cmd.subcommand === undefined
        ? ''
        : didYouMeanText(
            cmd.subcommand,
            siblings.map((d) => d.subcommand ?? ''),
            `/${cmd.command} `,
          );
    const what =
      cmd.subcommand === undefined
        ? `/${cmd.command} needs a sub-command.`
        : `/${cmd.command} has no sub-command "${cmd.subcommand}".${guess}`;
    throw new UserError('unknown-command', `${what} Use one of: ${siblings.map(usage).join('; ')}.`);
  }
  const label = commandLabel({
    command: cmd.command,
    ...(cmd.subcommand === undefined ? {} : { subcommand: cmd.subcommand }),
  });
  const known =
    allowed.length === 0
      ? 'none (ask the operator to add you to the people table)'
      : allowed.map((d) => `/${commandLabel(d)}`).join(', ');
  const guess = didYouMeanText(cmd.command, [...new Set(allowed.map((d) => d.command))], '/');
  throw new UserError('unknown-command', `Unknown command /${label}.${guess} Commands you can use: ${known}.`);
}

/** Structured options (Discord) or text (Slack, shell) → validated option values. */
function validateOptions(definition: CommandDefinition, cmd: InboundCommand): Record<string, unknown> {
  const specs = commandOptionSpecs(definition);
  const useText = cmd.text !== undefined && Object.keys(cmd.options).length === 0;
  const text = (cmd.text ?? '').trim();
  const free = definition.freeText === undefined || text === '' ? undefined : { [definition.freeText]: text };
  const raw = useText ? (free ?? parseCommandText(text, specs)) : cmd.options;
  const parsed = definition.options.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new UserError(
    'bad-options',
    `Invalid options for /${commandLabel(definition)}: ${z.prettifyError(parsed.error)}\n${describeOptions(specs)}`,
  );
}

const optionsText = (options: Record<string, unknown>): string =>
  Object.entries(options)
    .map(([k, v]) => ` ${k}:${JSON.stringify(v)}`)
    .join('');

async function handleCommand(
  deps: DispatchDeps,
  cmd: InboundCommand,
  responder: Responder,
  runId: string,
  recovering: boolean,
): Promise<void> {
  checkPlace(deps.places, cmd);
  const role = resolveRole(cmd.user, deps.access);
  const definition = findDefinition(deps.registry, cmd, role);
  const label = `/${commandLabel(definition)}`;
  if (!authorize(role, definition.role))
    throw new UserError('not-allowed', refusalMessage(cmd.user, role, label, deps.access));
  const options = validateOptions(definition, cmd);
  for (const [name, needed] of Object.entries(definition.optionRoles ?? {}) as [string, Role][]) {
    const value = options[name];
    if (value !== undefined && value !== false && !authorize(role, needed))
      throw new UserError('not-allowed', refusalMessage(cmd.user, role, `${label} ${name}`, deps.access));
  }
  // The invocation id is the platform's; a redelivery or double submit finds its key taken
  // (a recovery takes over the key of the bot that died holding it).
  if (
    !recovering &&
    (await queueCall(deps, deps.dedupeStore.acquire(`inv:${runId}`, runId, 24 * 3600))) !== undefined
  ) {
    await responder.replyPrivately(`Already received (run ${runId}); the result goes to the same thread.`);
    return;
  }
  await queueCall(deps, claimContent(deps, { cmd, definition, options, runId }));
  await deps.step?.('validated', runId);
  // Durable first: the run and its job are in Redis before any further chat call, so a bot
  // killed from here on loses nothing; the worker posts the line and thread if the bot did not.
  const now = deps.clock().toISOString();
  const requester = toRequester(cmd.user, deps.access);
  const job = { name: definition.job, payload: { runId, requester, options } };
  const created = await queueCall(
    deps,
    deps.runStore.create({
      runId,
      jobId: runId,
      platform: cmd.platform,
      channelId: cmd.channelId,
      threadId: cmd.threadId ?? '',
      rootMessageId: '',
      requester,
      command: label,
      status: 'queued',
      createdAt: now,
      updatedAt: now,
      ...(cmd.workspaceId === undefined ? {} : { workspaceId: cmd.workspaceId }),
      announce: {
        text: `⏳ Queued: ${label}${optionsText(options)} · run ${runId}`,
        ...(cmd.threadId === undefined ? { title: `${label} by ${requester.name}`.slice(0, 100) } : {}),
      },
      pendingJob: job,
    }),
  );
  await deps.step?.('recorded', runId);
  if (created) await queueCall(deps, deps.producer.enqueue(definition.job, job.payload, { jobId: runId }));
  await deps.step?.('enqueued', runId);
  const run = await ensureAnnounced(chatFor(deps, cmd.platform), deps.runStore, runId, deps.log);
  await deps.step?.('announced', runId);
  await responder.acknowledged?.(queuedText(label, runId));
  // Settled only now: a bot killed before the invoker heard "Queued" leaves the intent to a
  // sweep, which answers it (`recoverIntents`); the run and job are safe either way.
  await queueCall(deps, deps.intentStore.settle(runId));
  deps.log.debug({ runId, threadId: run.threadId }, 'command queued');
}

/** The private confirmation that a command is queued (it completes Discord's deferred reply). */
export const queuedText = (label: string, runId: string): string =>
  `Queued: ${label} · run ${runId}. Follow it in the thread.`;

/** The run id of a command: derived from the platform's invocation id, so a redelivery finds the same run. */
export const runIdOf = (cmd: Pick<InboundCommand, 'platform' | 'invocationId'>): string =>
  stableId('r', cmd.platform, cmd.invocationId);

/**
 * Runs one command through the dispatcher (live, or `recovering` an intent whose bot died).
 * A refusal settles the intent like a saved run does: the user has the answer.
 */
export async function dispatchCommand(
  deps: DispatchDeps,
  cmd: InboundCommand,
  responder: Responder,
  recovering: boolean,
): Promise<void> {
  const runId = runIdOf(cmd);
  const log = deps.log.child({ platform: cmd.platform, cmd: cmd.command, runId });
  try {
    await handleCommand(deps, cmd, responder, runId, recovering);
  } catch (error) {
    if (error instanceof UserError) await deps.intentStore.settle(runId).catch(() => undefined);
    await replyWithError(responder, error, runId, log);
  }
}

/**
 * The InboundHandler every adapter calls: save the intent (before the ack) → place → validate →
 * authorize → save the run record
 * → enqueue with a deterministic job id (platform + invocation), so a redelivered or
 * double-submitted command runs once → post the public line and thread (or let the worker).
 */
export function createDispatcher(deps: DispatchDeps): InboundHandler {
  return {
    received: async (cmd, answer) => {
      const runId = runIdOf(cmd);
      const receivedAt = deps.clock().toISOString();
      const intent = { runId, command: cmd, receivedAt, ...(answer === undefined ? {} : { answer }) };
      const { written, saved } = deps.intentStore.send(intent);
      // Once the write is in the kernel's socket buffer it reaches Redis even if this process dies,
      // so the ack need not wait for Redis's answer (one round trip behind every other packet of a
      // burst); a failed save is logged, and the command goes on live without its safety net.
      if (await written)
        saved.catch((error: unknown) => {
          deps.log.error({ err: error, runId }, 'could not save the intent');
        });
      else await saved;
      await deps.step?.('intended', runId);
    },
    abandoned: async (cmd) => {
      deps.log.warn({ runId: runIdOf(cmd) }, 'ack lost: the command is dropped (the user was told it failed)');
      await deps.intentStore.settle(runIdOf(cmd));
    },
    onCommand: async (cmd, responder) => {
      await deps.step?.('acked', runIdOf(cmd));
      await dispatchCommand(deps, cmd, responder, false);
    },
    onAction: (action, responder) => onAction(deps, action, responder),
  };
}
