import { UserError } from '../../errors.js';
import { outcomeFromStatus } from '../../media/outcome-text.js';
import { ensureOwner, linkedUser, type RequestFlowDeps } from '../../media/request-deps.js';
import { mediaStatusText, titleWithYear } from '../../media/request-labels.js';
import { quotaText } from '../../media/request-quota.js';
import type { Report } from '../../report/report.js';
import type { Processor } from './jobs.js';
import { cardReport, confirmButtons } from './media-request-card.js';
import { linkHelpReport, lookupFailure, outcomeReport } from './media-request-reports.js';
import { tvCard } from './media-request-tv-card.js';
import { offer4k, type PickScope } from './pick-scope.js';

async function movieCard(s: PickScope): Promise<Report> {
  const [movie, quota, can4k] = await Promise.all([
    s.deps.overseerr.movie(s.tmdbId),
    s.deps.overseerr.quota(s.userId),
    offer4k(s, 'movie'),
  ]);
  const title = titleWithYear(movie.title, movie.releaseDate);
  const hdTaken = outcomeFromStatus(title, 'movie', movie.mediaInfo?.status);
  const uhdOpen = can4k && outcomeFromStatus(title, 'movie', movie.mediaInfo?.status4k) === undefined;
  const target = { mediaType: 'movie' as const, tmdbId: s.tmdbId, title };
  if (hdTaken !== undefined && !uhdOpen) {
    const link = movie.mediaInfo?.plexUrl ?? movie.mediaInfo?.mediaUrl;
    return outcomeReport(
      s.ctx,
      hdTaken,
      target,
      hdTaken.kind === 'already-available' && link
        ? [`Watch it on ${s.deps.overseerr.name === 'Jellyseerr' ? 'Jellyfin' : 'Plex'}: ${link}`]
        : [],
    );
  }
  const actions = await confirmButtons(s.ctx, { ...target, owner: s.owner }, 'Request', uhdOpen, hdTaken === undefined);
  return cardReport(
    {
      title,
      overview: movie.overview,
      posterPath: movie.posterPath,
      status: mediaStatusText(movie.mediaInfo),
      quota: quotaText(quota, 'movie'),
      question: `Request ${title}?`,
    },
    { actions },
  );
}

/** A search result picked (or a season page asked for): the confirm card or the season picker. */
export function mediaRequestPick(deps: RequestFlowDeps): Processor<'media.request-pick'> {
  return async (job, ctx) => {
    const { owner, mediaType, page } = job.payload;
    ensureOwner(owner, job.requester);
    const tmdbId = Number(job.values?.[0] ?? job.payload.tmdbId);
    if (!Number.isSafeInteger(tmdbId) || tmdbId <= 0)
      throw new UserError(
        'request-bad-pick',
        'That choice is not a title from the list; pick one of the offered results.',
      );
    try {
      const linked = await linkedUser(deps, job.requester);
      if (linked === undefined) return linkHelpReport(job.requester);
      const scope: PickScope = { deps, ctx, owner, userId: linked.overseerrUserId, tmdbId };
      return mediaType === 'movie' ? await movieCard(scope) : await tvCard(scope, page ?? 1);
    } catch (error) {
      return lookupFailure(error);
    }
  };
}
