import type { AppConfig } from '../../config/schema.js';
import { UserError } from '../../errors.js';
import { createOverseerrClient } from '../../media/overseerr-client.js';
import { createNoticeOverseerr } from '../../media/notify-overseerr.js';
import type { FamilyDeps } from './family-deps.js';
import type { Processor, Processors } from './jobs.js';
import { requestServerName } from '../../media/overseerr-http.js';
import { mediaRequestsList } from './media-requests-list.js';
import { namedProcessor } from './name-reports.js';

/** `/requests` on a worker without `media.overseerr`. */
export const requestsListNotConfigured: Processor<'media.requests-list'> = () =>
  Promise.reject(
    new UserError(
      'requests-not-configured',
      'Media requests are not set up on this bot yet (no media.overseerr or media.jellyseerr in its config); ask the operator.',
    ),
  );

/** `/requests` for a loaded config (Overseerr from `media.overseerr`, people table). */
export function requestsListProcessors(
  config: AppConfig,
  family?: FamilyDeps,
): Pick<Processors, 'media.requests-list'> {
  const overseerr = config.media?.overseerr;
  if (overseerr === undefined) return { 'media.requests-list': requestsListNotConfigured };
  const http = {
    url: overseerr.url,
    apiKey: overseerr.apiKey,
    timeoutMs: config.timeouts.ms.http,
    flavor: overseerr.flavor,
  };
  return {
    'media.requests-list': namedProcessor(
      mediaRequestsList({
        client: createOverseerrClient(http),
        overseerr: createNoticeOverseerr(http),
        people: config.people,
        family,
      }),
      requestServerName(http),
    ),
  };
}
