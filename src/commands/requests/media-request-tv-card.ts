import type { ActionButton } from '../../chat/chat-port.js';
import { requestPick } from './request-pick.js';
import { requestSeasons } from './request-seasons.js';
import type { OverseerrTv } from '../../media/overseerr-schemas.js';
import { mediaStatusText, titleWithYear } from '../../media/request-labels.js';
import { quotaText } from '../../media/request-quota.js';
import { seasonCost, seasonPage, type SeasonPage } from '../../media/request-seasons.js';
import type { Report } from '../../report/report.js';
import { cardReport, confirmButtons } from './media-request-card.js';
import { offer4k, type PickScope } from './pick-scope.js';
import { outcomeReport } from './media-request-reports.js';
import { requireSelect } from './media-request-select.js';

/** Buttons to the other pages of a season picker longer than 24 seasons. */
async function pageButtons(s: PickScope, p: SeasonPage): Promise<ActionButton[]> {
  const buttons: ActionButton[] = [];
  for (let n = 1; n <= Math.min(p.pages, 5); n += 1) {
    if (n === p.page) continue;
    buttons.push(
      await s.ctx.createButton(
        requestPick,
        { owner: s.owner, mediaType: 'tv', tmdbId: s.tmdbId, page: n },
        `Seasons page ${n}`,
        'secondary',
      ),
    );
  }
  return buttons;
}

function nothingLeft(s: PickScope, tv: OverseerrTv, title: string): Promise<Report> {
  const available = tv.mediaInfo?.status === 5 || (tv.mediaInfo?.seasons ?? []).every((x) => x.status === 5);
  return outcomeReport(
    s.ctx,
    { kind: available ? 'already-available' : 'already-requested', title },
    { mediaType: 'tv', tmdbId: s.tmdbId, title },
  );
}

/**
 * A series: its card plus the season picker (multi-select, "All seasons", pages past 24 seasons),
 * or, when Overseerr's partial requests are off, straight "Request all seasons" buttons.
 */
export async function tvCard(s: PickScope, page: number): Promise<Report> {
  const [tv, quota, settings, can4k] = await Promise.all([
    s.deps.overseerr.tv(s.tmdbId),
    s.deps.overseerr.quota(s.userId),
    s.deps.overseerr.requestSettings(),
    offer4k(s, 'tv'),
  ]);
  const title = titleWithYear(tv.name, tv.firstAirDate);
  const p = seasonPage(tv.seasons, tv.mediaInfo?.seasons, page);
  if (p.requestable.length === 0) return nothingLeft(s, tv, title);
  const card = {
    title,
    overview: tv.overview,
    posterPath: tv.posterPath,
    status: mediaStatusText(tv.mediaInfo),
    quota: quotaText(quota, 'tv', seasonCost('all', p.requestable)),
  };
  const taken = p.taken.length === 0 ? [] : [`Not requestable: ${p.taken.join('; ')}`];
  if (!settings.partialRequestsEnabled) {
    const actions = await confirmButtons(
      s.ctx,
      { owner: s.owner, mediaType: 'tv', tmdbId: s.tmdbId, title, seasons: 'all' },
      'Request all seasons',
      can4k,
    );
    return cardReport(
      { ...card, question: `Overseerr requests whole series only. Request every missing season of ${title}?` },
      { actions, lines: taken },
    );
  }
  const select = await requireSelect(s.ctx)(
    requestSeasons,
    { owner: s.owner, tmdbId: s.tmdbId, requestable: [...p.requestable] },
    {
      placeholder: p.pages > 1 ? `Choose seasons (page ${p.page} of ${p.pages})` : 'Choose seasons',
      options: p.options,
      minValues: 1,
      maxValues: p.options.length,
    },
  );
  const actions = await pageButtons(s, p);
  return cardReport(
    { ...card, question: 'Choose the seasons you want below; you confirm on the next step.' },
    {
      select,
      lines: taken,
      ...(actions.length === 0 ? {} : { actions }),
    },
  );
}
