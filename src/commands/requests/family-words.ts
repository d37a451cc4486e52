import type { Person } from '../../config/schema.js';
import type { NoticeRequest } from '../../media/notify-schemas.js';
import type { OverseerrIssue } from '../../media/overseerr-issue-schemas.js';
import type { FamilyDeps } from './family-deps.js';

/** A request's state in plain words (MediaRequestStatus 1 pending … 5 completed). */
export function requestStateWords(status: number): string {
  if (status === 1) return 'still waiting for approval';
  if (status === 2) return 'already approved';
  if (status === 3) return 'already declined';
  if (status === 4) return 'approved, but sending it for download failed';
  return 'already completed';
}

/** Who made the request or report: the people-table name, else Overseerr's display name. */
export function userName(
  people: readonly Person[],
  user:
    | { readonly id: number; readonly displayName?: string | undefined; readonly username?: string | null | undefined }
    | undefined
    | null,
): string {
  if (user === undefined || user === null) return 'someone';
  return (
    people.find((p) => p.overseerrUserId === user.id)?.name ?? user.displayName ?? user.username ?? `user ${user.id}`
  );
}

/** What a TV request asks for: "seasons 1, 2" (0 reads as specials). */
export const seasonsText = (r: Pick<NoticeRequest, 'type' | 'seasons'>): string | undefined =>
  r.type !== 'tv' || (r.seasons ?? []).length === 0
    ? undefined
    : (r.seasons ?? []).map((s) => (s.seasonNumber === 0 ? 'specials' : String(s.seasonNumber))).join(', ');

/** "Season 2, episode 5", "Season 2 (all episodes)", "all seasons" for a series issue. */
export function problemPlace(issue: Pick<OverseerrIssue, 'problemSeason' | 'problemEpisode'>): string {
  const season = issue.problemSeason ?? 0;
  const episode = issue.problemEpisode ?? 0;
  if (season === 0) return 'all seasons';
  return episode === 0 ? `season ${season} (all episodes)` : `season ${season}, episode ${episode}`;
}

const yearOf = (date: string | undefined): string =>
  date !== undefined && /^\d{4}/.test(date) ? ` (${date.slice(0, 4)})` : '';

/** Title, poster and Overseerr media id of a movie or series. */
export interface MediaFacts {
  readonly title: string;
  readonly posterPath?: string | null | undefined;
  readonly overview?: string | null | undefined;
  readonly mediaId?: number | undefined;
  readonly mediaStatus?: number | undefined;
  /** Series: season number → episode count. */
  readonly seasons: readonly { readonly seasonNumber: number; readonly episodeCount?: number | undefined }[];
}

export async function mediaFacts(
  deps: Pick<FamilyDeps, 'client'>,
  type: 'movie' | 'tv',
  tmdbId: number,
): Promise<MediaFacts> {
  if (type === 'movie') {
    const m = await deps.client.movie(tmdbId);
    return {
      title: `${m.title}${yearOf(m.releaseDate)}`,
      posterPath: m.posterPath,
      overview: m.overview,
      mediaId: m.mediaInfo?.id,
      mediaStatus: m.mediaInfo?.status,
      seasons: [],
    };
  }
  const t = await deps.client.tv(tmdbId);
  return {
    title: `${t.name}${yearOf(t.firstAirDate)}`,
    posterPath: t.posterPath,
    overview: t.overview,
    mediaId: t.mediaInfo?.id,
    mediaStatus: t.mediaInfo?.status,
    seasons: t.seasons,
  };
}
