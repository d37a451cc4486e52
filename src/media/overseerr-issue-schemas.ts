import { z } from 'zod';

/**
 * Overseerr/Jellyseerr issue types and statuses (server/constants/issue.ts, identical in both):
 * `issueType` 1 video, 2 audio, 3 subtitles, 4 other; `status` 1 open, 2 resolved.
 */
export const issueTypes = { video: 1, audio: 2, subtitles: 3, other: 4 } as const;
export const issueTypeNames = ['video', 'audio', 'subtitles', 'other'] as const;
export type IssueTypeName = (typeof issueTypeNames)[number];

/** "video" for 1 and so on; "other" for anything unknown. */
export const issueTypeName = (n: number | undefined): IssueTypeName =>
  issueTypeNames.find((k) => issueTypes[k] === n) ?? 'other';

/** Plain words for the problem type. */
export const issueTypeWords: Readonly<Record<IssueTypeName, string>> = {
  video: 'a video problem',
  audio: 'an audio problem',
  subtitles: 'a subtitle problem',
  other: 'a problem',
};

const issueUserSchema = z.looseObject({
  id: z.number(),
  displayName: z.string().optional(),
  username: z.string().nullish(),
});

/** `IssueComment` (permissive). */
export const issueCommentSchema = z.looseObject({
  id: z.number(),
  message: z.string().optional(),
  user: issueUserSchema.optional(),
});
export type IssueComment = z.infer<typeof issueCommentSchema>;

/** `Issue` with the fields the bot reads (the real server also sends status, problemSeason/Episode). */
export const issueSchema = z.looseObject({
  id: z.number(),
  issueType: z.number(),
  status: z.number().optional(),
  problemSeason: z.number().optional(),
  problemEpisode: z.number().optional(),
  media: z
    .looseObject({
      id: z.number().optional(),
      tmdbId: z.number().optional(),
      mediaType: z.string().optional(),
    })
    .optional(),
  createdBy: issueUserSchema.optional(),
  comments: z.array(issueCommentSchema).optional(),
  updatedAt: z.string().optional(),
});
export type OverseerrIssue = z.infer<typeof issueSchema>;

export const issuePageSchema = z.looseObject({ results: z.array(issueSchema) });

/** True when Overseerr marks the issue resolved (status 2). */
export const isResolved = (issue: Pick<OverseerrIssue, 'status'>): boolean => issue.status === 2;
