import type { OverseerrState } from './overseerr-state.js';

/** Overseerr's names for issue types and statuses in webhook payloads (IssueTypeName / IssueStatus). */
const typeName: Readonly<Record<number, string>> = { 1: 'Video', 2: 'Audio', 3: 'Subtitle', 4: 'Other' };
const statusName: Readonly<Record<number, string>> = { 1: 'Open', 2: 'Resolved' };

export type IssueWebhookType = 'ISSUE_CREATED' | 'ISSUE_COMMENT' | 'ISSUE_RESOLVED' | 'ISSUE_REOPENED';

const eventText: Readonly<Record<IssueWebhookType, (kind: string) => string>> = {
  ISSUE_CREATED: (k) => `New ${k} Issue Reported`,
  ISSUE_COMMENT: (k) => `New Comment on ${k} Issue`,
  ISSUE_RESOLVED: (k) => `${k} Issue Resolved`,
  ISSUE_REOPENED: (k) => `${k} Issue Reopened`,
};

/**
 * The body Overseerr's webhook agent sends for an issue event with the default JSON template
 * (`{{media}}`, `{{issue}}` and, for comments, `{{comment}}` blocks; every value a string).
 * `oldTemplate` drops the `{{issue}}`/`{{comment}}` blocks, as a template kept from before issues existed.
 */
export function issueWebhookBody(
  state: OverseerrState,
  type: IssueWebhookType,
  issueId: number,
  commentId?: number,
  oldTemplate = false,
): Record<string, unknown> {
  const issue = state.issues.find((i) => i.id === issueId);
  if (issue === undefined) throw new Error(`emulator has no issue ${issueId}`);
  const title = state.titles.get(issue.tmdbId);
  const reporter = state.users.get(issue.createdBy);
  const comment = issue.comments.find((c) => c.id === commentId) ?? issue.comments.at(-1);
  const commenter = comment === undefined ? undefined : state.users.get(comment.userId);
  const kind = typeName[issue.issueType] ?? 'Other';
  const base = {
    notification_type: type,
    event: eventText[type](kind),
    subject: `${title?.title ?? '?'} (${title?.date.slice(0, 4) ?? ''})`,
    message: type === 'ISSUE_COMMENT' ? (comment?.message ?? '') : (issue.comments[0]?.message ?? ''),
    image: `https://image.tmdb.org/t/p/w600_and_h900_bestv2/poster-${issue.tmdbId}.jpg`,
    media: {
      media_type: title?.mediaType ?? 'movie',
      tmdbId: String(issue.tmdbId),
      tvdbId: String(title?.tvdbId ?? ''),
      status: 'AVAILABLE',
      status4k: 'UNKNOWN',
    },
    extra: [],
  };
  if (oldTemplate) return base;
  return {
    ...base,
    request: null,
    issue: {
      issue_id: String(issue.id),
      issue_type: kind,
      issue_status: statusName[issue.status] ?? 'Open',
      reportedBy_email: reporter?.email ?? '',
      reportedBy_username: reporter?.username ?? '',
      reportedBy_avatar: '',
      reportedBy_settings_discordId: reporter?.discordId ?? '',
      reportedBy_settings_telegramChatId: '',
    },
    comment:
      type === 'ISSUE_COMMENT' && comment !== undefined
        ? {
            comment_message: comment.message,
            commentedBy_email: commenter?.email ?? '',
            commentedBy_username: commenter?.username ?? '',
            commentedBy_avatar: '',
            commentedBy_settings_discordId: commenter?.discordId ?? '',
            commentedBy_settings_telegramChatId: '',
          }
        : null,
  };
}
