import { requestPick } from './request-pick.js';
import { parseTitleQuery, type TitleQuery } from '../../media/parse-title-query.js';
import { linkedUser, toOwner, type RequestFlowDeps } from '../../media/request-deps.js';
import { resultName, resultOption, statusWords, titleWithYear } from '../../media/request-labels.js';
import { rateLimitText, takeRequestSlot } from '../../media/request-rate-limit.js';
import type { OverseerrSearchResult } from '../../media/overseerr-schemas.js';
import type { Report } from '../../report/report.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import type { Processor } from './jobs.js';
import { linkHelpReport, lookupFailure } from './media-request-reports.js';
import { requireSelect } from './media-request-select.js';

type SearchJob = 'media.request-movie' | 'media.request-tv';

/** Discord shows at most 25 options in one select. */
const maxOptions = 25;
const noun = { movie: 'movie', tv: 'series' } as const;

const shown = (q: TitleQuery): string => (q.kind === 'text' ? q.text : q.overseerrQuery);

function notFound(q: TitleQuery, mediaType: 'movie' | 'tv', others: number): Report {
  const other = mediaType === 'movie' ? 'tv' : 'movie';
  const hint =
    others > 0
      ? `It did find ${others} ${noun[other]} result${others === 1 ? '' : 's'}: try /request ${other} ${shown(q)}.`
      : 'Check the spelling, add year:YYYY, or paste a themoviedb.org / imdb.com link or tmdb:/imdb: id.';
  return {
    title: `No ${noun[mediaType]} found`,
    status: 'warning',
    summary: `Overseerr found no ${noun[mediaType]} for "${shown(q)}". ${hint}`,
  };
}

const line = (r: OverseerrSearchResult): string => {
  const status = statusWords(r.mediaInfo?.status);
  return `• ${titleWithYear(resultName(r), r.releaseDate ?? r.firstAirDate)}${status === undefined ? '' : ` — ${status}`}`;
};

async function search(
  deps: RequestFlowDeps,
  ctx: ProcessorContext,
  q: TitleQuery,
  mediaType: 'movie' | 'tv',
  owner: ReturnType<typeof toOwner>,
): Promise<Report> {
  const page = await deps.overseerr.search(q.overseerrQuery);
  const hits = page.results.filter((r) => r.mediaType === mediaType);
  if (hits.length === 0)
    return notFound(
      q,
      mediaType,
      page.results.filter((r) => r.mediaType !== mediaType && r.mediaType !== 'person').length,
    );
  const top = hits.slice(0, maxOptions);
  const select = await requireSelect(ctx)(
    requestPick,
    { owner, mediaType },
    {
      placeholder: `Pick a ${noun[mediaType]} (${top.length} found)`,
      options: top.map(resultOption),
    },
  );
  const more =
    page.totalResults > top.length ? [`(showing the first ${top.length}; add year:YYYY to narrow it down)`] : [];
  return {
    title: `${hits.length === 1 ? 'One' : top.length} ${noun[mediaType]} result${top.length === 1 ? '' : 's'} for "${shown(q)}"`,
    status: 'ok',
    summary: 'Pick one below to see details and confirm.',
    lines: [...top.map(line), ...more],
    select,
  };
}

/** `/request movie|tv <title>`: link check → rate limit → search → a select of the hits. */
export function mediaRequestSearch<N extends SearchJob>(
  deps: RequestFlowDeps,
  mediaType: 'movie' | 'tv',
): Processor<N> {
  return async (payload, ctx) => {
    const q = parseTitleQuery(payload.options.title);
    const who = payload.requester;
    try {
      if ((await linkedUser(deps, who)) === undefined) return linkHelpReport(who);
      if (!(await takeRequestSlot(deps.slots, who, payload.runId, deps.requestsPerHour))) {
        return { title: 'Slow down a little', status: 'warning', summary: rateLimitText(deps.requestsPerHour) };
      }
      return await search(deps, ctx, q, mediaType, toOwner(who));
    } catch (error) {
      return lookupFailure(error);
    }
  };
}
