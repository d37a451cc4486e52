import { callOverseerr, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk } from './overseerr-reply.js';
import { movieDetailsSchema, tvDetailsSchema } from './overseerr-schemas.js';
import { noticeRequestPageSchema, noticeRequestSchema, type NoticeRequest } from './notify-schemas.js';

/** Title, year and Plex deep link of one media item. */
export interface MediaSummary {
  readonly title: string;
  readonly year?: string;
  readonly plexUrl?: string;
}

/** The Overseerr reads notices and `/requests` need (admin key unless `asUser`). */
export interface NoticeOverseerr {
  request(requestId: number): Promise<NoticeRequest>;
  /** The most recently modified requests: all users' (admin) or one user's (`asUser`, as that user). */
  recentRequests(take: number, asUser?: number, filter?: 'all' | 'available'): Promise<NoticeRequest[]>;
  media(mediaType: 'movie' | 'tv', tmdbId: number): Promise<MediaSummary>;
}

const yearOf = (date: string | undefined): string | undefined =>
  date !== undefined && /^\d{4}/.test(date) ? date.slice(0, 4) : undefined;

export function createNoticeOverseerr(options: OverseerrHttpOptions): NoticeOverseerr {
  const get = (path: string, query?: Record<string, string | number>, asUser?: number) =>
    callOverseerr(options, {
      method: 'GET',
      path,
      ...(query === undefined ? {} : { query }),
      ...(asUser === undefined ? {} : { asUser }),
    });
  return {
    request: async (id) => expectOk(await get(`/request/${id}`), noticeRequestSchema, 'request'),
    recentRequests: async (take, asUser, filter = 'all') => {
      const query = {
        take,
        skip: 0,
        filter,
        sort: 'modified',
        ...(asUser === undefined ? {} : { requestedBy: asUser }),
      };
      return expectOk(await get('/request', query, asUser), noticeRequestPageSchema, 'request list').results;
    },
    media: async (mediaType, tmdbId) => {
      if (mediaType === 'movie') {
        const m = expectOk(await get(`/movie/${tmdbId}`), movieDetailsSchema, 'movie');
        return summary(m.title, yearOf(m.releaseDate), m.mediaInfo?.plexUrl ?? m.mediaInfo?.mediaUrl);
      }
      const t = expectOk(await get(`/tv/${tmdbId}`), tvDetailsSchema, 'tv show');
      return summary(t.name, yearOf(t.firstAirDate), t.mediaInfo?.plexUrl ?? t.mediaInfo?.mediaUrl);
    },
  };
}

function summary(title: string, year: string | undefined, plexUrl: string | null | undefined): MediaSummary {
  return {
    title,
    ...(year === undefined ? {} : { year }),
    ...(plexUrl === undefined || plexUrl === null ? {} : { plexUrl }),
  };
}
