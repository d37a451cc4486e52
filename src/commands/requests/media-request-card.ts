import type { ActionButton } from '../../chat/chat-port.js';
import { requestConfirm } from './request-confirm.js';
import type { FlowOwner } from '../../media/request-deps.js';
import type { Report } from '../../report/report.js';
import type { ProcessorContext } from '../../jobs/processor.js';

/** TMDB image base for a `posterPath` such as `/abc.jpg`. */
const posterBase = 'https://image.tmdb.org/t/p/w500';
const maxOverview = 500;

/** What the confirm card shows. */
export interface CardContent {
  readonly title: string;
  readonly overview?: string | null | undefined;
  readonly posterPath?: string | null | undefined;
  readonly status: string;
  readonly quota?: string | undefined;
  readonly question?: string | undefined;
}

/** The card as a report: overview, status, remaining quota and the poster link. */
export function cardReport(c: CardContent, extra: Partial<Report> = {}): Report {
  const overview = (c.overview ?? '').trim();
  const fields = [
    { name: 'Status', value: c.status },
    ...(c.quota === undefined ? [] : [{ name: 'Your quota', value: c.quota }]),
    ...(c.posterPath === undefined || c.posterPath === null || c.posterPath === ''
      ? []
      : [{ name: 'Poster', value: `${posterBase}${c.posterPath}` }]),
  ];
  const summary = [
    overview.length > maxOverview ? `${overview.slice(0, maxOverview - 1)}…` : overview,
    c.question ?? '',
  ]
    .filter((s) => s !== '')
    .join('\n\n');
  return { title: c.title, status: 'ok', ...(summary === '' ? {} : { summary }), fields, ...extra };
}

/** What "Request" / "Request 4K" will file. */
export interface ConfirmTarget {
  readonly owner: FlowOwner;
  readonly mediaType: 'movie' | 'tv';
  readonly tmdbId: number;
  readonly title: string;
  readonly seasons?: readonly number[] | 'all';
}

/** "Request" and, only when offered, "Request 4K" (single-use buttons). */
export async function confirmButtons(
  ctx: ProcessorContext,
  t: ConfirmTarget,
  label: string,
  offer4k: boolean,
  offerHd = true,
): Promise<ActionButton[]> {
  const base = {
    owner: t.owner,
    mediaType: t.mediaType,
    tmdbId: t.tmdbId,
    title: t.title,
    ...(t.seasons === undefined ? {} : { seasons: t.seasons }),
  };
  const buttons: ActionButton[] = [];
  if (offerHd) buttons.push(await ctx.createButton(requestConfirm, { ...base, is4k: false }, label, 'success'));
  if (offer4k)
    buttons.push(await ctx.createButton(requestConfirm, { ...base, is4k: true }, `${label} in 4K`, 'primary'));
  return buttons;
}
