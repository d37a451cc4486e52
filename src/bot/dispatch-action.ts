import { findAction } from '../commands/registry.js';
import { UserError } from '../errors.js';
import { actionIdPattern, type ActionRecord, type ClaimResult } from '../store/action-store.js';
import { authorize, refusalMessage, resolveRole } from './authorize.js';
import type { InboundAction, Responder } from './inbound.js';
import { chatFor, replyWithError, stableId, toRequester, type DispatchDeps } from './dispatch-deps.js';

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
    return new UserError('action-expired', `This button expired (${claim.record?.expiresAt ?? 'earlier'}); run the command again for a fresh one.`);
  }
  if (claim.reason === 'used') {
    return new UserError('action-used', `${claim.record?.label ?? 'This button'} was already used, so it did not run again.`);
  }
  return new UserError('action-unknown', 'This button is unknown or too old, so nothing was run. Run the command again.');
}

async function loadAuthorized(deps: DispatchDeps, action: InboundAction, id: string): Promise<ActionRecord> {
  const record = await deps.actionStore.get(id);
  if (record === undefined) throw new UserError('action-unknown', 'This button is unknown or too old, so nothing was run. Run the command again.');
  const role = resolveRole(action.user, deps.access);
  if (!authorize(role, record.role)) {
    throw new UserError('not-allowed', refusalMessage(action.user, role, `The ${record.label} button`, deps.access));
  }
  return record;
}

async function handleAction(deps: DispatchDeps, action: InboundAction, id: string, runId: string): Promise<void> {
  const record = await loadAuthorized(deps, action, id);
  const definition = findAction(deps.registry, record.kind);
  if (definition === undefined) throw new Error(`action kind ${record.kind} is not registered`);
  const claim = await deps.actionStore.claim(id);
  if (!claim.ok) throw claimRefusal(claim);
  const chat = chatFor(deps, action.platform);
  if (record.singleUse) await chat.disableActions(action.message).catch((error: unknown) => { deps.log.warn({ err: error }, 'disable buttons failed'); });
  const parent = await deps.runStore.get(record.runId);
  if (parent === undefined) throw new UserError('action-unknown', 'The run this button belongs to is gone, so nothing was run.');
  const requester = toRequester(action.user, deps.access);
  const thread = { platform: parent.platform, channelId: parent.channelId, threadId: parent.threadId };
  const clicked = await chat.post(thread, { text: `👆 ${requester.name} clicked ${record.label}` });
  const now = deps.clock().toISOString();
  await deps.runStore.create({
    ...thread, runId, jobId: runId, rootMessageId: clicked.messageId, requester, command: record.label,
    status: 'queued', createdAt: now, updatedAt: now,
  });
  const values = action.values.length === 0 ? {} : { values: [...action.values] };
  await deps.producer.enqueue(definition.job, { runId, requester, actionId: id, payload: record.payload, ...values }, { jobId: runId });
}

/**
 * A click: strict id parse → lookup → re-authorize the clicker against the action's role →
 * atomic claim (single-use) → disable buttons → announce in the thread → enqueue once.
 */
export async function onAction(deps: DispatchDeps, action: InboundAction, responder: Responder): Promise<void> {
  let runId = stableId('a', action.platform, action.invocationId);
  const log = deps.log.child({ platform: action.platform, customId: action.customId.slice(0, 40) });
  let id: string | undefined;
  try {
    id = parseActionId(action.customId);
    runId = stableId('a', id);
    await handleAction(deps, action, id, runId);
  } catch (error) {
    await replyWithError(responder, error, runId, log);
    if (id !== undefined && error instanceof UserError) await reportRefusal(deps, action, id, error, log);
  }
}

/** Hands a refusal of a known action to `onActionRefused` (the audit trail); never throws. */
async function reportRefusal(deps: DispatchDeps, action: InboundAction, id: string, error: UserError, log: DispatchDeps['log']): Promise<void> {
  if (deps.onActionRefused === undefined) return;
  try {
    const record = await deps.actionStore.get(id);
    if (record !== undefined) await deps.onActionRefused({ record, user: toRequester(action.user, deps.access), code: error.code, message: error.message });
  } catch (hookError) {
    log.warn({ err: hookError }, 'recording a refused click failed');
  }
}
