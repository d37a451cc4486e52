import type { OutgoingMessage } from '../chat/chat-port.js';
import type { NoticeEvent } from './subscriptions.js';
import type { NoticeRecipient } from './notify-recipients.js';
import type { MediaSummary } from './notify-overseerr.js';

/** What one DM is about. */
export interface NoticeContent {
  readonly event: MediaNoticeEvent;
  readonly is4k: boolean;
  /** "Title (YYYY)". */
  readonly title: string;
  readonly plexLink?: string;
  /** Where it can be watched: `Plex` (default) or `Jellyfin`. */
  readonly server?: string;
  /** The request server admins use: `Overseerr` (default) or `Jellyseerr`. */
  readonly requestServer?: string;
}

/**
 * A Plex/Jellyfin Web link for the configured web address: the request server's deep link (Overseerr's
 * app.plex.tv based `plexUrl`, Jellyseerr's `mediaUrl`) moved onto that address, else a search for the title there.
 */
export function plexLink(
  webUrl: string | undefined,
  media: Pick<MediaSummary, 'title' | 'plexUrl'>,
): string | undefined {
  if (webUrl === undefined) return undefined;
  const hash = media.plexUrl?.indexOf('#!') ?? -1;
  if (media.plexUrl !== undefined && hash >= 0) return `${webUrl}/web/index.html${media.plexUrl.slice(hash)}`;
  return `${webUrl}/web/index.html#!/search?query=${encodeURIComponent(media.title)}`;
}

/** The request events (issue events have their own wording in the family loop). */
type MediaNoticeEvent = Extract<NoticeEvent, `MEDIA_${string}`>;

type Names = { readonly server: string; readonly requestServer: string };

const lines: Readonly<Record<MediaNoticeEvent, (title: string, why: NoticeRecipient['why'], n: Names) => string>> = {
  MEDIA_AVAILABLE: (title, why, n) =>
    why === 'requester'
      ? `🍿 ${title}, which you requested, is now available on ${n.server}.`
      : `🍿 ${title} is now available on ${n.server} (you asked me to tell you).`,
  MEDIA_APPROVED: (title) =>
    `👍 Your request for ${title} was approved. It will download now; I will tell you when it is ready to watch.`,
  MEDIA_DECLINED: (title) => `🚫 Your request for ${title} was declined. Ask an admin if you think that is a mistake.`,
  MEDIA_FAILED: (title, _why, n) =>
    `⚠️ Your request for ${title} could not be sent for download. The admins see it in ${n.requestServer}; no need to request it again.`,
};

/** The DM text for one recipient (plain text: it reads the same on Discord and Slack). */
export function noticeMessage(content: NoticeContent, why: NoticeRecipient['why']): OutgoingMessage {
  const title = content.is4k ? `${content.title} (4K)` : content.title;
  const text = lines[content.event](title, why, {
    server: content.server ?? 'Plex',
    requestServer: content.requestServer ?? 'Overseerr',
  });
  const watch =
    content.event === 'MEDIA_AVAILABLE' && content.plexLink !== undefined ? `\nWatch: ${content.plexLink}` : '';
  return { text: `${text}${watch}` };
}
