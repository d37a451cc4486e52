import { findAction } from '../commands/registry.js';
import { UserError } from '../errors.js';
import { actionIdPattern, type ActionRecord, type ClaimResult } from '../store/action-store.js';
import { authorize, refusalMessage, resolveRole } from './authorize.js';
import type { InboundAction, Responder } from './inbound.js';
import { chatFor, queueCall, replyWithError, stableId, toRequester, type DispatchDeps } from './dispatch-deps.js';
import { checkOrigin, checkOwner, checkPlace } from './dispatch-place.js';
import { ensureAnnounced } from '../jobs/ensure-announced.js';
import type { RunRecord } from '../store/run-store.js';

/** `act:<22 base64url chars>` → the opaque id; anything else is forged. */
export function parseActionId(customId: string): string {
  const match = /^act:(.*)$/s.exec(customId);
  const id = match?.[1];
  if (id === undefined || !actionIdPattern.test(id)) {
    throw new UserError('forged-action', "This button isn't one I recognise, so nothing was run.");
  }
  return id;
}

function claimRefusal(claim: Exclude<ClaimResult, { ok: true }>): UserError {
  if (claim.reason === 'expired') {
    return new UserError(
      'action-expired',
      `This button expired (${claim.record?.expiresAt ?? 'earlier'}); run the command again for a fresh one.`,
    );
  }
  if (claim.reason === 'used') {
    return new UserError(
      'action-used',
      `${claim.record?.label ?? 'This button'} was already used, so it did not run again.`,
    );
  }
  return new UserError(
    'action-unknown',
    'This button is unknown or too old, so nothing was run. Run the command again.',
  );
}

async function loadAuthorized(
  deps: DispatchDeps,
  action: InboundAction,
  id: string,
): Promise<{ record: ActionRecord; parent: RunRecord }> {
  const record = await queueCall(deps, deps.actionStore.get(id));
  if (record === undefined)
    throw new UserError(
      'action-unknown',
      'This button is unknown or too old, so nothing was run. Run the command again.',
    );
  const parent = await deps.runStore.get(record.runId);
  checkOrigin(record, parent, action);
  const role = resolveRole(action.user, deps.access);
  if (!authorize(role, record.role)) {
    throw new UserError('not-allowed', refusalMessage(action.user, role, `The ${record.label} button`, deps.access));
  }
  checkOwner(record, action);
  refuseUnusable(record, deps.clock());
  if (parent === undefined)
    throw new UserError('action-unknown', 'The run this button belongs to is gone, so nothing was run.');
  return { record, parent };
}

/** Single-use actions run once per button; reusable ones once per click (the platform's interaction id). */
export const actionRunId = (
  record: Pick<ActionRecord, 'id' | 'singleUse'>,
  action: Pick<InboundAction, 'platform' | 'invocationId'>,
): string =>
  record.singleUse ? stableId('a', record.id) : stableId('a', record.id, action.platform, action.invocationId);

/** Expired, or a single-use button already used: refused before anything is saved. */
function refuseUnusable(record: ActionRecord, now: Date): void {
  if (now.getTime() > Date.parse(record.expiresAt)) throw claimRefusal({ ok: false, reason: 'expired', record });
  if (record.singleUse && record.status !== 'pending') throw claimRefusal({ ok: false, reason: 'used', record });
}

async function handleAction(deps: DispatchDeps, action: InboundAction, id: string): Promise<string> {
  checkPlace(deps.places, {
    platform: action.platform,
    channelId: action.message.channelId,
    ...(action.workspaceId === undefined ? {} : { workspaceId: action.workspaceId }),
  });
  // Every check (place, origin, role, owner) runs before the claim: a refused click never uses a button up.
  const { record, parent } = await loadAuthorized(deps, action, id);
  const definition = findAction(deps.registry, record.kind);
  if (definition === undefined) throw new Error(`action kind ${record.kind} is not registered`);
  const runId = actionRunId(record, action);
  await deps.step?.('validated', runId);
  const requester = toRequester(action.user, deps.access);
  const now = deps.clock().toISOString();
  const values = action.values.length === 0 ? {} : { values: [...action.values] };
  const job = { name: definition.job, payload: { runId, requester, actionId: id, payload: record.payload, ...values } };
  // Durable first, as for commands: run and job are saved before any chat call. A single-use
  // button has one run id, so a click repeated after a crash lands on the same run and job.
  const created = await queueCall(
    deps,
    deps.runStore.create({
      platform: parent.platform,
      channelId: parent.channelId,
      threadId: parent.threadId,
      runId,
      jobId: runId,
      rootMessageId: '',
      requester,
      command: record.label,
      status: 'queued',
      createdAt: now,
      updatedAt: now,
      ...(parent.workspaceId === undefined ? {} : { workspaceId: parent.workspaceId }),
      // A note, not a status line: the worker must not edit the click's line into Running/Done.
      announce: { text: `👆 ${requester.name} clicked ${record.label}`, note: true },
      pendingJob: job,
    }),
  );
  await deps.step?.('recorded', runId);
  await queueCall(deps, deps.producer.enqueue(definition.job, job.payload, { jobId: runId }));
  await deps.step?.('enqueued', runId);
  // The claim decides who hears "already used": the click that created the run owns it.
  const claim = await deps.actionStore.claim(id);
  if (!claim.ok && !created) throw claimRefusal(claim);
  const chat = chatFor(deps, action.platform);
  if (record.singleUse)
    await chat.disableActions(action.message).catch((error: unknown) => {
      deps.log.warn({ err: error }, 'disable buttons failed');
    });
  await ensureAnnounced(chat, deps.runStore, runId, deps.log);
  return runId;
}

/**
 * A click: strict id parse → place → lookup → origin (this message), role and owner checks →
 * atomic claim (single-use) → save run and job → disable buttons → announce in the thread.
 */
export async function onAction(deps: DispatchDeps, action: InboundAction, responder: Responder): Promise<void> {
  const runId = stableId('a', action.platform, action.invocationId);
  const log = deps.log.child({ platform: action.platform, customId: action.customId.slice(0, 40) });
  let id: string | undefined;
  try {
    id = parseActionId(action.customId);
    await handleAction(deps, action, id);
  } catch (error) {
    await replyWithError(responder, error, runId, log);
    if (id !== undefined && error instanceof UserError) await reportRefusal(deps, action, id, error, log);
  }
}

/** Hands a refusal of a known action to `onActionRefused` (the audit trail); never throws. */
async function reportRefusal(
  deps: DispatchDeps,
  action: InboundAction,
  id: string,
  error: UserError,
  log: DispatchDeps['log'],
): Promise<void> {
  if (deps.onActionRefused === undefined) return;
  try {
    const record = await deps.actionStore.get(id);
    if (record !== undefined)
      await deps.onActionRefused({
        record,
        user: toRequester(action.user, deps.access),
        code: error.code,
        message: error.message,
      });
  } catch (hookError) {
    log.warn({ err: hookError }, 'recording a refused click failed');
  }
}
