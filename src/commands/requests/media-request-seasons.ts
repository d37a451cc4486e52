import { UserError } from '../../errors.js';
import { ensureOwner, linkedUser, type RequestFlowDeps } from '../../media/request-deps.js';
import { titleWithYear } from '../../media/request-labels.js';
import { quotaText } from '../../media/request-quota.js';
import { parseSeasonValues, seasonCost, seasonsText } from '../../media/request-seasons.js';
import type { Processor } from './jobs.js';
import { cardReport, confirmButtons } from './media-request-card.js';
import { offer4k } from './pick-scope.js';
import { linkHelpReport, lookupFailure } from './media-request-reports.js';

/** Seasons chosen: the confirm step ("Request seasons 1, 3 of M*A*S*H?", quota cost, buttons). */
export function mediaRequestSeasons(deps: RequestFlowDeps): Processor<'media.request-seasons'> {
  return async (job, ctx) => {
    const { owner, tmdbId, requestable } = job.payload;
    ensureOwner(owner, job.requester);
    const seasons = parseSeasonValues(job.values ?? [], requestable);
    if (seasons === undefined)
      throw new UserError('request-bad-seasons', 'Pick one or more seasons (or "All seasons") from the menu.');
    try {
      const linked = await linkedUser(deps, job.requester);
      if (linked === undefined) return linkHelpReport(job.requester);
      const scope = { deps, ctx, owner, userId: linked.overseerrUserId, tmdbId };
      const [tv, quota, can4k] = await Promise.all([
        deps.overseerr.tv(tmdbId),
        deps.overseerr.quota(linked.overseerrUserId),
        offer4k(scope, 'tv'),
      ]);
      const title = titleWithYear(tv.name, tv.firstAirDate);
      const cost = seasonCost(seasons, requestable);
      const label = `Request ${seasonsText(seasons)}`;
      const actions = await confirmButtons(
        ctx,
        { owner, mediaType: 'tv', tmdbId, title, seasons },
        label.length > 60 ? 'Request' : label,
        can4k,
      );
      return cardReport(
        {
          title,
          posterPath: tv.posterPath,
          status: `you picked ${seasonsText(seasons)}`,
          quota: quotaText(quota, 'tv', cost),
          question: `Request ${seasonsText(seasons)} of ${title}?`,
        },
        { actions },
      );
    } catch (error) {
      return lookupFailure(error);
    }
  };
}
