import type { Person } from '../../config/schema.js';
import { UserError } from '../../errors.js';
import type { OverseerrClient } from '../../media/overseerr-client.js';
import type { NoticeOverseerr } from '../../media/notify-overseerr.js';
import { resolveOverseerrUser } from '../../media/resolve-overseerr-user.js';
import type { FamilyDeps } from './family-deps.js';
import { pendingList } from './family-pending-list.js';
import type { Processor } from './jobs.js';
import { requestStatusText } from './media-requests-list-lines.js';

/** What `/requests` needs. */
export interface RequestsListDeps {
  readonly client: Pick<OverseerrClient, 'findUserByDiscordId'>;
  readonly overseerr: NoticeOverseerr;
  readonly people: readonly Person[];
  readonly clock?: () => Date;
  /** For `/requests pending` (operators; the dispatcher checks the role). */
  readonly family?: FamilyDeps | undefined;
}

const unlinked = (platform: string): string =>
  [
    `Your ${platform} account is not linked to an Overseerr user, so I cannot tell which requests are yours.`,
    platform === 'discord'
      ? 'Put your Discord user id into Overseerr → your avatar → Settings → Notifications → Discord → User ID, or ask the operator to add overseerrUserId to your people entry.'
      : 'Ask the operator to add overseerrUserId (your Overseerr user number) to your people entry.',
  ].join('\n');

/** `/requests`: as the caller's Overseerr user, their newest requests with status and progress/ETA. */
export function mediaRequestsList(deps: RequestsListDeps): Processor<'media.requests-list'> {
  return async (job, ctx) => {
    if (job.options.pending === true) {
      if (deps.family === undefined) throw new Error('/requests pending without the family deps');
      return pendingList(deps.family, ctx);
    }
    const who = { platform: job.requester.platform, id: job.requester.id };
    const linked = await resolveOverseerrUser(who, deps.people, deps.client);
    if (linked === undefined) throw new UserError('overseerr-unlinked', unlinked(who.platform));
    const mine = await deps.overseerr.recentRequests(job.options.count ?? 10, linked.overseerrUserId);
    if (mine.length === 0)
      return { title: 'Your requests', status: 'ok', summary: 'You have no requests yet. Try /request movie <title>.' };
    const now = (deps.clock ?? (() => new Date()))();
    const titles = await Promise.all(
      mine.map((r) => deps.overseerr.media(r.type, r.media.tmdbId).catch(() => undefined)),
    );
    const lines = mine.map((r, i) => {
      const t = titles[i];
      const name =
        t === undefined ? `TMDB ${r.media.tmdbId}` : t.year === undefined ? t.title : `${t.title} (${t.year})`;
      const seasons =
        r.type === 'tv' && (r.seasons ?? []).length > 0
          ? ` · seasons ${(r.seasons ?? []).map((s) => s.seasonNumber).join(', ')}`
          : '';
      return `• ${name}${r.is4k === true ? ' (4K)' : ''}${seasons}: ${requestStatusText(r, now)}`;
    });
    return { title: 'Your requests', status: 'ok', summary: `Your ${mine.length} most recent request(s):`, lines };
  };
}
