import { ensureMedia, type OverseerrState, type StoredRequest } from './overseerr-state.js';

/**
 * Test hooks for availability notices: progress a request like Radarr/Sonarr + Plex scans would,
 * and post what Overseerr's webhook agent posts (default JSON template, every value a string).
 */

const AVAILABLE = 5;

function requestOf(state: OverseerrState, requestId: number): StoredRequest {
  const r = state.requests.find((x) => x.id === requestId);
  if (r === undefined) throw new Error(`emulator has no request ${requestId}`);
  return r;
}

/** Marks what the request asked for as AVAILABLE (the media, its 4K side, the requested seasons). */
export function markAvailable(state: OverseerrState, requestId: number): StoredRequest {
  const r = requestOf(state, requestId);
  const media = ensureMedia(state, r.tmdbId);
  if (r.is4k) media.status4k = AVAILABLE;
  else media.status = AVAILABLE;
  for (const n of r.seasons) media.seasonStatus.set(n, AVAILABLE);
  media.downloadStatus = [];
  return r;
}

/** One download as Overseerr's download-sync reports it. */
export interface EmuDownload {
  readonly title: string;
  readonly size: number;
  readonly sizeLeft: number;
  readonly estimatedCompletionTime: string;
}

/** Sets `mediaInfo.downloadStatus[]` (MediaStatus becomes PROCESSING while downloading). */
export function setDownloadStatus(state: OverseerrState, tmdbId: number, downloads: readonly EmuDownload[]): void {
  const media = ensureMedia(state, tmdbId);
  media.status = 3;
  media.downloadStatus = downloads.map((d) => ({
    externalId: tmdbId,
    mediaType: state.titles.get(tmdbId)?.mediaType ?? 'movie',
    downloadId: `dl-${tmdbId}`,
    size: d.size,
    sizeLeft: d.sizeLeft,
    status: 'downloading',
    timeLeft: '00:10:00',
    estimatedCompletionTime: d.estimatedCompletionTime,
    title: d.title,
  }));
}

export type WebhookType =
  | 'MEDIA_AVAILABLE'
  | 'MEDIA_APPROVED'
  | 'MEDIA_AUTO_APPROVED'
  | 'MEDIA_DECLINED'
  | 'MEDIA_FAILED'
  | 'MEDIA_PENDING'
  | 'TEST_NOTIFICATION';

const eventText: Readonly<Record<WebhookType, (kind: string) => string>> = {
  MEDIA_AVAILABLE: (k) => `${k} Request Now Available`,
  MEDIA_APPROVED: (k) => `${k} Request Approved`,
  MEDIA_AUTO_APPROVED: (k) => `${k} Request Automatically Approved`,
  MEDIA_DECLINED: (k) => `${k} Request Declined`,
  MEDIA_FAILED: (k) => `${k} Request Failed`,
  MEDIA_PENDING: (k) => `New ${k} Request`,
  TEST_NOTIFICATION: () => 'Test Notification',
};

const statusName = ['', 'UNKNOWN', 'PENDING', 'PROCESSING', 'PARTIALLY_AVAILABLE', 'AVAILABLE'];

/** The body Overseerr's webhook agent sends for `type` about `requestId` (default template). */
export function webhookBody(state: OverseerrState, type: WebhookType, requestId?: number): Record<string, unknown> {
  if (type === 'TEST_NOTIFICATION' || requestId === undefined) {
    return {
      notification_type: type,
      event: eventText[type](''),
      subject: 'Test Notification',
      message: 'Check check, 1, 2, 3. Are we coming in clear?',
      image: '',
      media: null,
      request: null,
      issue: null,
      comment: null,
      extra: [],
    };
  }
  const r = requestOf(state, requestId);
  const title = state.titles.get(r.tmdbId);
  const user = state.users.get(r.requestedBy);
  const media = ensureMedia(state, r.tmdbId);
  const kind = `${r.is4k ? '4K ' : ''}${r.mediaType === 'movie' ? 'Movie' : 'Series'}`;
  return {
    notification_type: type,
    event: eventText[type](kind),
    subject: `${title?.title ?? '?'} (${title?.date.slice(0, 4) ?? ''})`,
    message: `Overview of ${title?.title ?? '?'}.`,
    image: `https://image.tmdb.org/t/p/w600_and_h900_bestv2/poster-${r.tmdbId}.jpg`,
    media: {
      media_type: r.mediaType,
      tmdbId: String(r.tmdbId),
      tvdbId: String(title?.tvdbId ?? ''),
      status: statusName[media.status] ?? 'UNKNOWN',
      status4k: statusName[media.status4k] ?? 'UNKNOWN',
    },
    request: {
      request_id: String(r.id),
      requestedBy_email: user?.email ?? '',
      requestedBy_username: user?.username ?? '',
      requestedBy_avatar: '',
      requestedBy_settings_discordId: user?.discordId ?? '',
      requestedBy_settings_telegramChatId: '',
    },
    issue: null,
    comment: null,
    extra: r.mediaType === 'tv' ? [{ name: 'Requested Seasons', value: r.seasons.join(', ') }] : [],
  };
}

/**
 * The body of Overseerr's older default JSON template (installs that kept it): no `event`, no
 * `{{request}}` block, the notified user's fields at the top, and `{{media}}` with the ids.
 */
export function oldTemplateWebhookBody(
  state: OverseerrState,
  type: WebhookType,
  requestId: number,
): Record<string, unknown> {
  const r = requestOf(state, requestId);
  const title = state.titles.get(r.tmdbId);
  const user = state.users.get(r.requestedBy);
  const media = ensureMedia(state, r.tmdbId);
  return {
    notification_type: type,
    subject: `${title?.title ?? '?'} (${title?.date.slice(0, 4) ?? ''})`,
    message: `Overview of ${title?.title ?? '?'}.`,
    image: `https://image.tmdb.org/t/p/w600_and_h900_bestv2/poster-${r.tmdbId}.jpg`,
    email: user?.email ?? '',
    username: user?.username ?? '',
    avatar: '',
    media: {
      media_type: r.mediaType,
      tmdbId: String(r.tmdbId),
      imdbId: title?.imdbId ?? '',
      tvdbId: String(title?.tvdbId ?? ''),
      status: statusName[media.status] ?? 'UNKNOWN',
      status4k: statusName[media.status4k] ?? 'UNKNOWN',
    },
    extra: [],
  };
}

/** POSTs a webhook like Overseerr does (`Authorization` = the configured header value); returns the status. */
export async function sendWebhook(
  url: string,
  authorization: string | undefined,
  body: Record<string, unknown>,
): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers['authorization'] = authorization;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}
