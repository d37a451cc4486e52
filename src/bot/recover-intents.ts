import { z } from 'zod';
import { platformSchema } from '../chat/platform.js';
import type { AnswerHandle } from '../chat/chat-port.js';
import type { StoredIntent } from '../store/intent-store.js';
import { dispatchCommand, queuedText, runIdOf } from './dispatch.js';
import type { DispatchDeps } from './dispatch-deps.js';
import type { InboundCommand } from './inbound.js';
import { parseAnswerHandle, recoveryResponder } from './recovery-responder.js';

/** How old an unsettled intent must be before a sweep takes it (its bot may still be working on it). */
export const defaultIntentAgeMs = 15_000;
/** How long one sweep may hold an intent before another may try it again. */
const claimSeconds = 120;
const sweepSize = 50;

const optionValue = z.union([z.string(), z.number(), z.boolean()]);
/** The saved `InboundCommand` (our own JSON, parsed back rather than trusted). */
const inboundCommand = z.object({
  platform: platformSchema,
  user: z.object({
    platform: platformSchema,
    id: z.string(),
    roleIds: z.array(z.string()),
    displayName: z.string().optional(),
  }),
  command: z.string(),
  subcommand: z.string().optional(),
  options: z.record(z.string(), optionValue),
  text: z.string().optional(),
  channelId: z.string(),
  workspaceId: z.string().optional(),
  threadId: z.string().optional(),
  invocationId: z.string(),
});

/** Strips keys whose value is undefined (zod keeps them; `exactOptionalPropertyTypes` does not). */
const toCommand = (parsed: z.infer<typeof inboundCommand>): InboundCommand =>
  JSON.parse(JSON.stringify(parsed)) as InboundCommand;

/** The intent's handle, or undefined (logged without its content) when it is not a valid one. */
function answerOf(deps: DispatchDeps, intent: StoredIntent): AnswerHandle | undefined {
  if (intent.answer === undefined) return undefined;
  const handle = parseAnswerHandle(intent.answer);
  if (handle !== undefined) return handle;
  deps.log.warn(
    { runId: intent.runId },
    'an unsettled intent has an invalid answer handle; its invoker is answered in the log',
  );
  return undefined;
}

/**
 * Finishes one unsettled intent: a command without a run goes through the dispatcher (the
 * invoker hears a refusal or "Queued" through the saved handle); one whose run exists (its bot
 * died after saving it) only still owes the invoker the "Queued" line.
 */
async function recoverOne(
  deps: DispatchDeps,
  cmd: InboundCommand,
  runId: string,
  answer?: AnswerHandle,
): Promise<boolean> {
  const log = deps.log.child({ platform: cmd.platform, cmd: cmd.command, runId });
  const responder = recoveryResponder({
    chat: deps.chats[cmd.platform],
    handle: answer,
    invoker: { channelId: cmd.channelId, userId: cmd.user.id },
    now: deps.clock,
    log,
  });
  const run = await deps.runStore.get(runId);
  if (run !== undefined) {
    // `requeueOrphans` enqueues its job and `ensureAnnounced` posts its line if they are missing.
    await responder.acknowledged?.(queuedText(run.command, runId));
    return false;
  }
  log.warn('recovering a command whose bot stopped after the ack');
  await dispatchCommand(deps, cmd, responder, true);
  return true;
}

/**
 * Turns the intents of bots that died between the ack and answering the invoker into runs and
 * jobs, exactly once: the run id is derived from the invocation, the run is created only if
 * absent, and its job is enqueued under the run id; the public line comes from
 * `ensureAnnounced`, the private answer goes through the intent's handle. Returns the run ids
 * it recovered (those that had no run yet).
 */
export async function recoverIntents(
  deps: DispatchDeps,
  now = Date.now(),
  minAgeMs = defaultIntentAgeMs,
): Promise<string[]> {
  const recovered: string[] = [];
  for (const intent of await deps.intentStore.unsettled(new Date(now - minAgeMs), sweepSize)) {
    const runId = intent.runId;
    if (!(await deps.intentStore.claim(runId, claimSeconds))) continue;
    const parsed = inboundCommand.safeParse(intent.command);
    if (!parsed.success || runIdOf(parsed.data) !== runId) {
      deps.log.error({ runId }, 'an unsettled intent is not a valid command; dropped');
      await deps.intentStore.settle(runId);
      continue;
    }
    if (await recoverOne(deps, toCommand(parsed.data), runId, answerOf(deps, intent))) recovered.push(runId);
    await deps.intentStore.settle(runId);
  }
  return recovered;
}

export interface IntentRecovery {
  close(): Promise<void>;
}

/** Sweeps now and every `intervalMs` (default 15 s) until closed; a sweep in flight is awaited on close. */
export function startIntentRecovery(
  deps: DispatchDeps,
  options: { readonly intervalMs?: number; readonly minAgeMs?: number } = {},
): IntentRecovery {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = (): void => {
    running = running
      .then(() => recoverIntents(deps, Date.now(), options.minAgeMs ?? defaultIntentAgeMs))
      .catch((error: unknown) => {
        // Mostly Redis not (yet) reachable, which the Redis monitor reports: one line, no stack.
        deps.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'intent sweep failed');
      });
  };
  const timer = setInterval(sweep, options.intervalMs ?? defaultIntentAgeMs);
  sweep();
  return {
    close: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
