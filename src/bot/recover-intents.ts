import { z } from 'zod';
import { platformSchema } from '../chat/platform.js';
import { dispatchCommand, runIdOf } from './dispatch.js';
import type { DispatchDeps } from './dispatch-deps.js';
import type { InboundCommand, Responder } from './inbound.js';

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

/**
 * The invoker's interaction is gone with the bot that died: private answers (a refusal) can
 * only be logged; the public line and thread are posted to the channel as usual.
 */
const recoveryResponder = (deps: DispatchDeps, runId: string): Responder => ({
  replyPrivately: (text) => {
    deps.log.warn({ runId, text }, 'a recovered command was answered privately; its invoker is gone');
    return Promise.resolve();
  },
  replyPublicly: () => Promise.reject(new Error('a recovered command has no interaction to reply to')),
});

/**
 * Turns the intents of bots that died between the ack and saving the run into runs and jobs,
 * exactly once: the run id is derived from the invocation, the run is created only if absent,
 * and its job is enqueued under the run id; the public line comes from `ensureAnnounced`.
 * Returns the run ids it recovered.
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
    // A run exists: the bot got that far; `requeueOrphans` enqueues its job if it is missing.
    if ((await deps.runStore.get(runId)) === undefined) {
      deps.log.warn({ runId, cmd: parsed.data.command }, 'recovering a command whose bot stopped after the ack');
      await dispatchCommand(deps, toCommand(parsed.data), recoveryResponder(deps, runId), true);
      recovered.push(runId);
    }
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
