import type { OutgoingMessage, Platform } from '../chat/chat-port.js';
import { fitMessage } from '../chat/fit-message.js';
import { statusIcon, type Report } from './report.js';

/** Platform-neutral markdown-ish text of a report (bold title, summary, fields, lines). */
export function reportText(report: Report): string {
  const parts = [`${statusIcon[report.status]} **${report.title}**`];
  if (report.summary !== undefined) parts.push(report.summary);
  for (const field of report.fields ?? []) parts.push(`**${field.name}:** ${field.value}`);
  if (report.lines !== undefined && report.lines.length > 0) parts.push(report.lines.join('\n'));
  return parts.join('\n');
}

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'report';

/** Renders a Report into a message that fits the platform (long text → summary + attachment). */
export function renderReport(report: Report, platform: Platform): OutgoingMessage {
  const message: OutgoingMessage = {
    text: reportText(report),
    ...(report.attachments === undefined ? {} : { attachments: report.attachments }),
    ...(report.actions === undefined ? {} : { buttons: report.actions }),
    ...(report.select === undefined ? {} : { select: report.select }),
  };
  return fitMessage(message, platform, `${slug(report.title)}.txt`);
}
