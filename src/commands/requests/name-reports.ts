import type { Processor as JobProcessor } from '../../jobs/processor.js';
import type { Report } from '../../report/report.js';

/** "Overseerr" → the request server's name in user-facing text (config keys like `overseerrUserId` stay). */
const rename = (text: string, name: string): string => text.replace(/\bOverseerr\b/g, name);

function renameReport(report: Report, name: string): Report {
  return {
    ...report,
    title: rename(report.title, name),
    ...(report.summary === undefined ? {} : { summary: rename(report.summary, name) }),
    ...(report.lines === undefined ? {} : { lines: report.lines.map((l) => rename(l, name)) }),
    ...(report.fields === undefined
      ? {}
      : { fields: report.fields.map((f) => ({ name: rename(f.name, name), value: rename(f.value, name) })) }),
  };
}

/**
 * The request flow's texts are written for Overseerr; with Jellyseerr (same menus and routes) each
 * report shows that name instead. Identity for Overseerr.
 */
export function namedProcessor<P>(processor: JobProcessor<P>, name: string): JobProcessor<P> {
  if (name === 'Overseerr') return processor;
  return async (payload, context) => renameReport(await processor(payload, context), name);
}
