import type { SeedTitle, SeedUser } from './overseerr-seed.js';
import type { OverseerrState, StoredRequest } from './overseerr-state.js';

const EPOCH = '2026-01-01T00:00:00.000Z';

/** A JSON object as the emulator sends it. */
export type Json = Record<string, unknown>;

/** `User` as `GET /user` returns it (settings eager-loaded, as on the real server). */
export function userJson(user: SeedUser, requestCount = 0) {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    plexUsername: user.username,
    userType: 2,
    permissions: user.permissions,
    avatar: '/os_logo_square.png',
    createdAt: EPOCH,
    updatedAt: EPOCH,
    requestCount,
    displayName: user.username,
    settings: {
      id: user.id,
      locale: '',
      discordId: user.discordId ?? null,
      ...(user.discordIds === undefined ? {} : { discordIds: [...user.discordIds] }),
    },
  };
}

function seasonsJson(state: OverseerrState, tmdbId: number) {
  const media = state.media.get(tmdbId);
  if (media === undefined) return [];
  return [...media.seasonStatus].map(([seasonNumber, status]) => ({
    id: seasonNumber + 1,
    seasonNumber,
    status,
    status4k: 1,
    createdAt: media.createdAt,
    updatedAt: media.createdAt,
  }));
}

/** `MediaInfo`, or undefined when Overseerr has no media row yet. */
export function mediaJson(state: OverseerrState, title: SeedTitle, withRequests = true): Json | undefined {
  const media = state.media.get(title.tmdbId);
  if (media === undefined) return undefined;
  return {
    id: media.id,
    mediaType: title.mediaType,
    tmdbId: title.tmdbId,
    tvdbId: title.tvdbId ?? null,
    imdbId: title.imdbId,
    status: media.status,
    status4k: media.status4k,
    seasons: seasonsJson(state, title.tmdbId),
    requests: withRequests
      ? state.requests.filter((r) => r.tmdbId === title.tmdbId).map((r) => requestJson(state, r, false))
      : [],
    createdAt: media.createdAt,
    updatedAt: media.createdAt,
    ...(media.status !== 5
      ? {}
      : state.flavor === 'jellyseerr'
        ? jellyfinLinks(state, title.tmdbId)
        : { plexUrl: `https://app.plex.tv/desktop#!/server/emu/details?key=${title.tmdbId}` }),
    ...(media.downloadStatus === undefined ? {} : { downloadStatus: media.downloadStatus }),
  };
}

/** Jellyseerr's links of an available title: `jellyfinMediaId` and `mediaUrl` into Jellyfin Web. */
function jellyfinLinks(state: OverseerrState, tmdbId: number): Json {
  const id = `e2e${String(tmdbId).padStart(29, '0')}`;
  const host = state.jellyfin.hostname.replace(/\/+$/, '');
  return {
    jellyfinMediaId: id,
    mediaUrl: `${host}/web/index.html#!/details?id=${id}&context=home&serverId=${state.jellyfin.serverId}`,
  };
}

/** `MediaRequest`. */
export function requestJson(state: OverseerrState, r: StoredRequest, withMedia = true): Json {
  const title = state.titles.get(r.tmdbId);
  const by = state.users.get(r.requestedBy);
  const modifier = r.modifiedBy === undefined ? undefined : state.users.get(r.modifiedBy);
  const media = withMedia && title !== undefined ? mediaJson(state, title, false) : undefined;
  return {
    id: r.id,
    status: r.status,
    type: r.mediaType,
    is4k: r.is4k,
    createdAt: r.createdAt,
    updatedAt: r.createdAt,
    ...(media === undefined ? {} : { media }),
    ...(by === undefined ? {} : { requestedBy: userJson(by) }),
    modifiedBy: modifier === undefined ? null : userJson(modifier),
    serverId: 0,
    profileId: 4,
    rootFolder: r.mediaType === 'movie' ? '/data/movies' : '/data/tv',
    seasons: r.seasons.map((seasonNumber) => ({
      id: seasonNumber + 1,
      seasonNumber,
      status: r.status === 2 ? 3 : 2,
      createdAt: r.createdAt,
      updatedAt: r.createdAt,
    })),
  };
}

/** A TMDB multi-search hit. */
export function searchResultJson(state: OverseerrState, t: SeedTitle) {
  const media = mediaJson(state, t);
  const common = {
    id: t.tmdbId,
    mediaType: t.mediaType,
    popularity: 40.5,
    posterPath: `/poster-${t.tmdbId}.jpg`,
    backdropPath: `/backdrop-${t.tmdbId}.jpg`,
    voteCount: 1000,
    voteAverage: 7.9,
    genreIds: [18],
    overview: `Overview of ${t.title}.`,
    originalLanguage: 'en',
    ...(media === undefined ? {} : { mediaInfo: media }),
  };
  return t.mediaType === 'movie'
    ? { ...common, title: t.title, originalTitle: t.originalTitle, releaseDate: t.date, adult: false, video: false }
    : { ...common, name: t.title, originalName: t.originalTitle, originCountry: ['US'], firstAirDate: t.date };
}

/** `MovieDetails` / `TvDetails` (the fields bots read, plus a few the spec lists). */
export function detailsJson(state: OverseerrState, t: SeedTitle) {
  const media = mediaJson(state, t);
  const common = {
    id: t.tmdbId,
    posterPath: `/poster-${t.tmdbId}.jpg`,
    overview: `Overview of ${t.title}.`,
    originalLanguage: 'en',
    status: 'Released',
    externalIds: { imdbId: t.imdbId, tvdbId: t.tvdbId ?? null },
    watchProviders: [],
    ...(media === undefined ? {} : { mediaInfo: media }),
  };
  if (t.mediaType === 'movie')
    return { ...common, imdbId: t.imdbId, title: t.title, originalTitle: t.originalTitle, releaseDate: t.date };
  const seasons = (t.seasons ?? []).map((n) => ({
    id: 1000 + n,
    airDate: n === 0 ? null : t.date,
    episodeCount: 24,
    name: n === 0 ? 'Specials' : `Season ${n}`,
    overview: '',
    posterPath: `/s${n}.jpg`,
    seasonNumber: n,
  }));
  return {
    ...common,
    name: t.title,
    originalName: t.originalTitle,
    firstAirDate: t.date,
    numberOfSeason: seasons.filter((s) => s.seasonNumber > 0).length,
    seasons,
  };
}
