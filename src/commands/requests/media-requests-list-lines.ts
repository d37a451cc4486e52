import type { DownloadItem, NoticeRequest } from '../../media/notify-schemas.js';
import { isRequestAvailable } from '../../media/notify-availability.js';

const minutes = (ms: number): string => {
  const m = Math.max(1, Math.round(ms / 60_000));
  return m < 90 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

/** "⬇️ downloading 42% · about 12 min left" from Overseerr's download-sync entries. */
export function progressText(items: readonly DownloadItem[], now: Date): string {
  const size = items.reduce((n, d) => n + (d.size ?? 0), 0);
  const left = items.reduce((n, d) => n + (d.sizeLeft ?? 0), 0);
  const percent = size > 0 ? Math.floor(((size - left) / size) * 100) : undefined;
  const etas = items.map((d) => Date.parse(d.estimatedCompletionTime ?? '')).filter((t) => Number.isFinite(t));
  const eta = etas.length === 0 ? undefined : Math.max(...etas) - now.getTime();
  const parts = [`⬇️ downloading${percent === undefined ? '' : ` ${percent}%`}`];
  if (eta !== undefined) parts.push(eta > 0 ? `about ${minutes(eta)} left` : 'finishing');
  return parts.join(' · ');
}

/** Plain-words status of one request (request status first, then the media's progress). */
export function requestStatusText(r: NoticeRequest, now: Date): string {
  if (r.status === 1) return '⏳ waiting for approval';
  if (r.status === 3) return '🚫 declined';
  if (r.status === 4) return '⚠️ failed: an admin needs to look at it in Overseerr';
  if (isRequestAvailable(r)) return '✅ available on Plex';
  const is4k = r.is4k === true;
  const downloads = (is4k ? r.media.downloadStatus4k : r.media.downloadStatus) ?? [];
  if (downloads.length > 0) return progressText(downloads, now);
  const status = is4k ? r.media.status4k : r.media.status;
  if (status === 4) return '🟡 partly available';
  return r.status === 2 ? '🔎 approved, looking for a download' : `status ${r.status}`;
}
