import { createHash } from 'node:crypto';
import type { Registry } from '../commands/registry.js';
import { UserError, toUserMessage } from '../errors.js';
import { queueUnavailable, type Producer } from '../jobs/queue.js';
import { isConnectionError } from '../jobs/redis-monitor.js';
import type { Logger } from '../log.js';
import type { ActionRecord, ActionStore } from '../store/action-store.js';
import type { DedupeStore } from '../store/dedupe-store.js';
import type { IntentStore } from '../store/intent-store.js';
import type { RunStore } from '../store/run-store.js';
import type { AccessConfig } from './authorize.js';
import { findPerson } from './authorize.js';
import type { ChatPort, ChatUser, Platform } from '../chat/chat-port.js';
import type { Responder } from './inbound.js';
import type { AllowedPlaces } from './dispatch-place.js';

/** Everything the dispatcher needs, passed in (composition root builds the real ones). */
export interface DispatchDeps {
  readonly registry: Registry;
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly access: AccessConfig;
  readonly runStore: RunStore;
  readonly actionStore: ActionStore;
  readonly dedupeStore: DedupeStore;
  readonly intentStore: IntentStore;
  readonly producer: Pick<Producer, 'enqueue'>;
  readonly log: Logger;
  readonly clock: () => Date;
  /** How long an identical command by the same user is refused while it runs (default 600 s). */
  readonly dedupeWindowSeconds?: number;
  /** Told about every refused click on a known action (not allowed, expired, used), e.g. for the audit trail. */
  readonly onActionRefused?: (refusal: ActionRefusal) => Promise<void>;
  /** Guilds, workspaces and channels commands and clicks are taken from (config `chat.*.allowedChannelIds`). */
  readonly places?: AllowedPlaces;
  /**
   * Called at each step from the saved intent (before the ack) to the public line (tests pause
   * or kill the bot there to prove nothing is lost); production passes nothing.
   */
  readonly step?: (step: DispatchStep, runId: string) => Promise<void>;
  /**
   * How long each Redis call of a dispatch (dedupe, run record, enqueue) may take before the user
   * hears "the job queue is unavailable" (default 2 s, inside Discord's 3 s answer window).
   */
  readonly queueDeadlineMs?: number;
}

const defaultQueueDeadlineMs = 2_000;

/**
 * One Redis call of a dispatch, bounded: a lost connection (refused at once, see `failFast`) or
 * a Redis that does not answer within the deadline becomes `queue-unavailable`.
 */
export async function queueCall<T>(deps: Pick<DispatchDeps, 'queueDeadlineMs'>, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(queueUnavailable());
    }, deps.queueDeadlineMs ?? defaultQueueDeadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    throw isConnectionError(error) ? queueUnavailable(error) : error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The steps `DispatchDeps.step` reports, in order: the intent is saved (the ack follows), the
 * handler runs (after the ack), the command is valid, the run is saved, its job enqueued, and
 * its public line posted.
 */
export const dispatchSteps = ['intended', 'acked', 'validated', 'recorded', 'enqueued', 'announced'] as const;
export type DispatchStep = (typeof dispatchSteps)[number];

/** A click the dispatcher refused, on an action it knows. */
export interface ActionRefusal {
  readonly record: ActionRecord;
  readonly user: { readonly platform: Platform; readonly id: string; readonly name: string };
  readonly code: string;
  readonly message: string;
}

/** Short, deterministic, BullMQ-safe id (no `:`) from the parts. */
export const stableId = (prefix: string, ...parts: readonly string[]): string =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 20)}`;

/** Requester as stored in run records and job payloads (ids plus a display name). */
export function toRequester(user: ChatUser, access: AccessConfig): { platform: Platform; id: string; name: string } {
  const name = findPerson(user, access)?.name ?? user.displayName ?? user.id;
  return { platform: user.platform, id: user.id, name };
}

export function chatFor(deps: DispatchDeps, platform: Platform): ChatPort {
  const chat = deps.chats[platform];
  if (chat === undefined) throw new Error(`no chat port for ${platform}`);
  return chat;
}

/** The dispatcher's error boundary: every refusal or failure is a private reply. */
export async function replyWithError(responder: Responder, error: unknown, runId: string, log: Logger): Promise<void> {
  if (error instanceof UserError) log.info({ code: error.code }, 'refused');
  else log.error({ err: error }, 'dispatch failed');
  try {
    await responder.replyPrivately(toUserMessage(error, runId));
  } catch (replyError) {
    log.error({ err: replyError }, 'private reply failed');
  }
}
