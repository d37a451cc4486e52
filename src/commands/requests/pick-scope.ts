import type { ProcessorContext } from '../../jobs/processor.js';
import type { FlowOwner, RequestFlowDeps } from '../../media/request-deps.js';
import { mayRequest4k } from '../../media/request-permissions.js';

/** Everything a card needs about the user: who they act as, quota, settings, 4K permission. */
export interface PickScope {
  readonly deps: RequestFlowDeps;
  readonly ctx: ProcessorContext;
  readonly owner: FlowOwner;
  readonly userId: number;
  readonly tmdbId: number;
}

/** Whether to offer 4K: a 4K server exists for the type and the user has the permission. */
export async function offer4k(s: PickScope, mediaType: 'movie' | 'tv'): Promise<boolean> {
  const settings = await s.deps.overseerr.requestSettings();
  if (!(mediaType === 'movie' ? settings.movie4k : settings.series4k)) return false;
  const user = (await s.deps.overseerr.users()).find((u) => u.id === s.userId);
  return mayRequest4k(user?.permissions, mediaType);
}
