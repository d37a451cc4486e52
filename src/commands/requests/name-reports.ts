import type { Processor as JobProcessor } from '../../jobs/processor.js';
import type { AppConfig } from '../../config/schema.js';
import { requestServerName } from '../../media/overseerr-http.js';
import type { Report } from '../../report/report.js';

/** The request server's and the library server's names as the family sees them. */
export interface ServerNames {
  readonly requestServer: string;
  readonly library: 'Plex' | 'Jellyfin';
}

/**
 * Jellyseerr (a Jellyfin/Emby request server) means things are watched on Jellyfin; so does a Jellyfin
 * without a Plex. Otherwise Plex.
 */
export function serverNames(config: Pick<AppConfig, 'media'>): ServerNames {
  const overseerr = config.media?.overseerr;
  const jellyseerr = overseerr?.flavor === 'jellyseerr';
  const onJellyfin = jellyseerr || (config.media?.plex === undefined && config.media?.jellyfin !== undefined);
  return {
    requestServer: overseerr === undefined ? 'Overseerr' : requestServerName(overseerr),
    library: onJellyfin ? 'Jellyfin' : 'Plex',
  };
}

/** "Overseerr" → the request server's name in user-facing text (config keys like `overseerrUserId` stay). */
const rename = (text: string, name: string, library = 'Plex'): string =>
  text.replace(/\bOverseerr\b/g, name).replace(/\bPlex\b/g, library);

function renameReport(report: Report, name: string, library?: string): Report {
  const r = (text: string): string => rename(text, name, library);
  return {
    ...report,
    title: r(report.title),
    ...(report.summary === undefined ? {} : { summary: r(report.summary) }),
    ...(report.lines === undefined ? {} : { lines: report.lines.map(r) }),
    ...(report.fields === undefined
      ? {}
      : { fields: report.fields.map((f) => ({ name: r(f.name), value: r(f.value) })) }),
  };
}

/**
 * The request flow's texts are written for Overseerr; with Jellyseerr (same menus and routes) each
 * report shows that name instead. Identity for Overseerr.
 */
export function namedProcessor<P>(processor: JobProcessor<P>, name: string, library?: string): JobProcessor<P> {
  if (name === 'Overseerr' && (library === undefined || library === 'Plex')) return processor;
  return async (payload, context) => renameReport(await processor(payload, context), name, library);
}

/** Every processor of a table named for the configured servers (the family loop's texts say Overseerr/Plex). */
export function namedProcessors<T extends Record<string, JobProcessor<never>>>(processors: T, names: ServerNames): T {
  return Object.fromEntries(
    Object.entries(processors).map(([k, p]) => [k, namedProcessor(p, names.requestServer, names.library)]),
  ) as T;
}
