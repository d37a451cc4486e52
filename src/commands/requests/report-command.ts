import { z } from 'zod';
import { defineAction, defineCommand } from '../define-command.js';
import { issueTypeNames } from '../../media/overseerr-issue-schemas.js';
import { requestOwnerSchema } from './request-owner.js';

/**
 * `/report`: tell the operator about a problem with something on Plex. Anything not given is
 * asked for with menus/buttons (title from your recent or available titles or a search, season
 * and episode for a series, problem type); filed as an Overseerr/Jellyseerr issue as the caller.
 */
export const report = defineCommand({
  command: 'report',
  description: 'Report a problem with a movie or episode (no sound, wrong subtitles, broken video…)',
  role: 'family',
  job: 'media.report',
  options: z.object({
    message: z.string().min(1).max(1000).describe('What is wrong, in a few words'),
    title: z.string().min(1).max(300).optional().describe('Which title (default: pick from your recent ones)'),
    problem: z.enum(issueTypeNames).optional().describe('video, audio, subtitles or other'),
    season: z.number().int().min(0).max(500).optional().describe('Series: the season (0 = all)'),
    episode: z.number().int().min(0).max(5000).optional().describe('Series: the episode (0 = whole season)'),
  }),
});

/** A `/report` in progress: what is known so far (the caller's answers). */
export const reportDraftSchema = z.object({
  message: z.string().min(1),
  mediaType: z.enum(['movie', 'tv']).optional(),
  tmdbId: z.number().int().positive().optional(),
  problem: z.enum(issueTypeNames).optional(),
  season: z.number().int().nonnegative().optional(),
  episode: z.number().int().nonnegative().optional(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** Which draft field a menu choice fills. */
export const reportFillSchema = z.enum(['media', 'season', 'episode']);

/** A `/report` menu (title, season, episode): fills one field, then asks for the next. Owner only. */
export const reportStep = defineAction({
  kind: 'report.step',
  description: 'Answer one question of a problem report',
  role: 'family',
  job: 'media.report-step',
  singleUse: false,
  payload: z.object({ owner: requestOwnerSchema, draft: reportDraftSchema, fill: reportFillSchema.optional() }),
});

/** The problem-type buttons: the last answer, which files the issue (once). Owner only. */
export const reportFile = defineAction({
  kind: 'report.file',
  description: 'File a problem report',
  role: 'family',
  job: 'media.report-step',
  singleUse: true,
  payload: z.object({ owner: requestOwnerSchema, draft: reportDraftSchema, fill: reportFillSchema.optional() }),
});

/** `/issue comment`: the operator answers a reported problem (the reporter gets a DM), optionally resolving it. */
export const issueComment = defineCommand({
  command: 'issue',
  subcommand: 'comment',
  description: 'Answer a reported problem (the reporter is told); add resolve to close it',
  role: 'operator',
  job: 'media.issue-comment',
  options: z.object({
    issue: z.number().int().positive().describe('The issue number from the report card'),
    message: z.string().min(1).max(1000).describe('Your answer'),
    resolve: z.boolean().optional().describe('Also mark the problem fixed'),
  }),
});

/** ✅ Resolve on a reported-problem card: operator only, once. */
export const issueResolve = defineAction({
  kind: 'issue.resolve',
  description: 'Mark a reported problem as fixed',
  role: 'operator',
  job: 'media.issue-resolve',
  singleUse: true,
  payload: z.object({ issueId: z.number().int().positive(), title: z.string().min(1) }),
});
