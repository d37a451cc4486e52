import { z } from 'zod';
import { idOf, objectAt, textOf } from './webhook-fields.js';

/** The issue notifications of Overseerr and Jellyseerr (same names and template fields in both). */
export const issueEvents = ['ISSUE_CREATED', 'ISSUE_COMMENT', 'ISSUE_RESOLVED', 'ISSUE_REOPENED'] as const;
export type IssueEvent = (typeof issueEvents)[number];

/**
 * What the webhook queues for the family loop (`media.family` background job): a request waiting
 * for approval, or an issue event. Ids may be missing (older templates have no `{{request}}` /
 * `{{issue}}` block); the worker then looks at Overseerr's current lists like the poll does.
 */
export const familyWebhookSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('pending'),
      requestId: z.number().int().positive().optional(),
      source: z.enum(['webhook', 'poll']),
    })
    .strict(),
  z
    .object({
      kind: z.literal('issue'),
      event: z.enum(issueEvents),
      issueId: z.number().int().positive().optional(),
      source: z.enum(['webhook', 'poll']),
    })
    .strict(),
]);
export type FamilyWebhook = z.infer<typeof familyWebhookSchema>;

const isIssueEvent = (type: string): type is IssueEvent => (issueEvents as readonly string[]).includes(type);

/**
 * `MEDIA_PENDING` and `ISSUE_*` bodies: the default JSON template carries `{{request}}.request_id`
 * and `{{issue}}.issue_id`; a custom template may write them flat (`request_id`, `issue_id`).
 * Older templates without those blocks still count: the worker then reads Overseerr's lists.
 * Anything else → undefined (the caller handles it).
 */
export function parseFamilyWebhook(type: string, body: unknown): FamilyWebhook | undefined {
  const top = objectAt(body);
  if (type === 'MEDIA_PENDING') {
    const requestId = idOf(textOf([objectAt(top['request']), top], ['request_id', 'requestId']));
    return { kind: 'pending', ...(requestId === undefined ? {} : { requestId }), source: 'webhook' };
  }
  if (isIssueEvent(type)) {
    const issueId = idOf(textOf([objectAt(top['issue']), top], ['issue_id', 'issueId']));
    return { kind: 'issue', event: type, ...(issueId === undefined ? {} : { issueId }), source: 'webhook' };
  }
  return undefined;
}
