import type { DedupeStore } from '../store/dedupe-store.js';
import type { ChatIdentity } from './resolve-overseerr-user.js';

const hourSeconds = 3600;

/**
 * Takes one of the user's `perHour` slots; each slot is freed an hour after it was taken, so this
 * is a rolling hour. A retried job finds its own slot (owner = run id) and is not counted twice.
 */
export async function takeRequestSlot(
  slots: Pick<DedupeStore, 'acquire'>,
  who: ChatIdentity,
  runId: string,
  perHour: number,
): Promise<boolean> {
  for (let i = 0; i < perHour; i += 1) {
    const owner = await slots.acquire(`rate:request:${who.platform}:${who.id}:${i}`, runId, hourSeconds);
    if (owner === undefined || owner === runId) return true;
  }
  return false;
}

/** The friendly refusal. */
export const rateLimitText = (perHour: number): string =>
  `You have already used /request ${perHour} time${perHour === 1 ? '' : 's'} in the last hour, which is the limit. ` +
  'Please try again a little later; nothing was requested this time.';
