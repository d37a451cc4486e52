import type { SelectOption } from '../../chat/chat-port.js';
import { ExternalError } from '../../errors.js';
import type { ProcessorContext } from '../../jobs/processor.js';
import { issueTypeWords, issueTypeNames } from '../../media/overseerr-issue-schemas.js';
import { ensureOwner, toOwner, type FlowOwner } from '../../media/request-deps.js';
import { resultName, titleWithYear } from '../../media/request-labels.js';
import { takeRequestSlot } from '../../media/request-rate-limit.js';
import { resolveOverseerrUser } from '../../media/resolve-overseerr-user.js';
import type { Report } from '../../report/report.js';
import type { FamilyDeps } from './family-deps.js';
import { mediaFacts, problemPlace, type MediaFacts } from './family-words.js';
import type { Processor } from './jobs.js';
import { linkHelpReport, lookupFailure } from './media-request-reports.js';
import { requireSelect } from './media-request-select.js';
import { reportFile, reportStep, type ReportDraft } from './report-command.js';

/** Discord shows at most 25 options in one select. */
const maxOptions = 25;
/** MediaStatus 4 partially available, 5 available: only what is on Plex can have a problem. */
const onPlex = (status: number | undefined): boolean => status === 4 || status === 5;

interface Candidate {
  readonly mediaType: 'movie' | 'tv';
  readonly tmdbId: number;
  readonly label: string;
}

/** Your recent requests that are on Plex, or (with a title) the search hits that are. */
async function candidatesFor(deps: FamilyDeps, userId: number, title: string | undefined): Promise<Candidate[]> {
  if (title !== undefined) {
    const page = await deps.client.search(title);
    return page.results
      .filter((r) => (r.mediaType === 'movie' || r.mediaType === 'tv') && onPlex(r.mediaInfo?.status))
      .slice(0, maxOptions)
      .map((r) => ({
        mediaType: r.mediaType as 'movie' | 'tv',
        tmdbId: r.id,
        label: titleWithYear(resultName(r), r.releaseDate ?? r.firstAirDate),
      }));
  }
  const mine = (await deps.notices.recentRequests(maxOptions, userId)).filter((r) => onPlex(r.media.status));
  const unique = [...new Map(mine.map((r) => [`${r.type}:${r.media.tmdbId}`, r])).values()].slice(0, 10);
  return Promise.all(
    unique.map(async (r) => ({
      mediaType: r.type,
      tmdbId: r.media.tmdbId,
      label: (await mediaFacts(deps, r.type, r.media.tmdbId).catch(() => undefined))?.title ?? `TMDB ${r.media.tmdbId}`,
    })),
  );
}

const nothingToReport = (title: string | undefined): Report => ({
  title: 'Nothing to report on yet',
  status: 'warning',
  summary:
    title === undefined
      ? "I couldn't find anything you requested that is on Plex yet, so there is nothing to report a problem with. If something you watch has a problem, try /report with its title, e.g. /report title:Amélie message:no sound."
      : `I couldn't find "${title}" on Plex, so there is nothing to report a problem with. Check the spelling, or run /report without a title to pick from your recent ones.`,
});

const seasonOptions = (facts: MediaFacts): SelectOption[] => [
  { value: '0', label: 'All seasons / not sure' },
  ...facts.seasons
    .filter((s) => s.seasonNumber > 0)
    .slice(0, maxOptions - 1)
    .map((s) => ({ value: String(s.seasonNumber), label: `Season ${s.seasonNumber}` })),
];

const episodeOptions = (facts: MediaFacts, season: number): SelectOption[] => {
  const count = facts.seasons.find((s) => s.seasonNumber === season)?.episodeCount ?? maxOptions - 1;
  return [
    { value: '0', label: 'The whole season / not sure' },
    ...Array.from({ length: Math.min(count, maxOptions - 1) }, (_, i) => ({
      value: String(i + 1),
      label: `Episode ${i + 1}`,
    })),
  ];
};

const problemLabels = { video: '🎞️ Video', audio: '🔇 Audio', subtitles: '💬 Subtitles', other: '❓ Other' } as const;

/** Files the issue as the reporter's own Overseerr user. */
async function file(
  deps: FamilyDeps,
  ctx: ProcessorContext,
  who: FlowOwner,
  draft: ReportDraft & { readonly problem: NonNullable<ReportDraft['problem']> },
  facts: MediaFacts & { readonly mediaId: number },
  userId: number,
): Promise<Report> {
  const series = draft.mediaType === 'tv';
  const season = series ? (draft.season ?? 0) : undefined;
  const episode = series && season !== 0 ? (draft.episode ?? 0) : series ? 0 : undefined;
  let issueId: number;
  try {
    const issue = await deps.family.createIssue({
      mediaId: facts.mediaId,
      type: draft.problem,
      message: draft.message,
      ...(season === undefined ? {} : { season }),
      ...(episode === undefined ? {} : { episode }),
      asUser: userId,
    });
    issueId = issue.id;
  } catch (error) {
    if (error instanceof ExternalError && error.code === 'overseerr-forbidden')
      return {
        title: facts.title,
        status: 'failed',
        summary:
          'Your Overseerr account may not report problems, so nothing was filed. Ask the operator to give it the "Report Issues" permission in Overseerr → Users.',
      };
    throw error;
  }
  const where = series ? ` (${problemPlace({ problemSeason: season, problemEpisode: episode })})` : '';
  await deps.trail
    ?.record({
      event: 'issue-reported',
      who,
      pr: issueId,
      stack: 'media',
      service: facts.title,
      reason: `${draft.problem}${where}`,
    })
    .catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'audit trail entry failed');
    });
  return {
    title: `Reported: ${facts.title}`,
    status: 'ok',
    summary: `Thanks! I told the operator about ${issueTypeWords[draft.problem]} with ${facts.title}${where} (issue #${issueId}). I will message you when they answer or mark it fixed.`,
  };
}

/** Asks for the next missing answer (season, episode, problem type) or files the report. */
async function next(
  deps: FamilyDeps,
  ctx: ProcessorContext,
  owner: FlowOwner,
  draft: ReportDraft,
  userId: number,
): Promise<Report> {
  if (draft.mediaType === undefined || draft.tmdbId === undefined) throw new Error('report draft without a title');
  const facts = await mediaFacts(deps, draft.mediaType, draft.tmdbId);
  if (facts.mediaId === undefined || !onPlex(facts.mediaStatus))
    return {
      title: facts.title,
      status: 'warning',
      summary: `${facts.title} is not on Plex yet, so there is nothing to report a problem with. Once it is available, /report works for it.`,
    };
  const base = { owner, draft };
  if (draft.mediaType === 'tv' && draft.season === undefined) {
    const select = await requireSelect(ctx)(
      reportStep,
      { ...base, fill: 'season' },
      {
        placeholder: 'Which season?',
        options: seasonOptions(facts),
      },
    );
    return { title: facts.title, status: 'ok', summary: 'Which season has the problem?', select };
  }
  if (draft.mediaType === 'tv' && draft.season !== 0 && draft.episode === undefined) {
    const select = await requireSelect(ctx)(
      reportStep,
      { ...base, fill: 'episode' },
      {
        placeholder: 'Which episode?',
        options: episodeOptions(facts, draft.season ?? 1),
      },
    );
    return { title: facts.title, status: 'ok', summary: `Which episode of season ${draft.season}?`, select };
  }
  if (draft.problem === undefined) {
    const actions = await Promise.all(
      issueTypeNames.map((p) =>
        ctx.createButton(reportFile, { owner, draft: { ...draft, problem: p } }, problemLabels[p], 'secondary'),
      ),
    );
    return { title: facts.title, status: 'ok', summary: 'What kind of problem is it?', actions };
  }
  return file(deps, ctx, owner, { ...draft, problem: draft.problem }, { ...facts, mediaId: facts.mediaId }, userId);
}

/** `/report`: link check → rate limit (shared with /request) → pick a title → the next question. */
export function mediaReport(deps: FamilyDeps): Processor<'media.report'> {
  return async (job, ctx) => {
    const who = job.requester;
    const { message, title, problem, season, episode } = job.options;
    try {
      const linked = await resolveOverseerrUser(who, deps.people, deps.client);
      if (linked === undefined) return linkHelpReport(who);
      if (!(await takeRequestSlot(deps.slots, who, job.runId, deps.requestsPerHour)))
        return {
          title: 'Slow down a little',
          status: 'warning',
          summary: `You have used /request and /report ${deps.requestsPerHour} times in the last hour, which is the limit. Please try again a little later; nothing was reported this time.`,
        };
      const draft: ReportDraft = {
        message,
        ...(problem === undefined ? {} : { problem }),
        ...(season === undefined ? {} : { season }),
        ...(episode === undefined ? {} : { episode }),
      };
      const candidates = await candidatesFor(deps, linked.overseerrUserId, title);
      if (candidates.length === 0) return nothingToReport(title);
      const owner = toOwner(who);
      const only = candidates.length === 1 ? candidates[0] : undefined;
      if (only !== undefined && title !== undefined)
        return await next(
          deps,
          ctx,
          owner,
          { ...draft, mediaType: only.mediaType, tmdbId: only.tmdbId },
          linked.overseerrUserId,
        );
      const select = await requireSelect(ctx)(
        reportStep,
        { owner, draft, fill: 'media' },
        {
          placeholder: `Which title? (${candidates.length})`,
          options: candidates.map((c) => ({ value: `${c.mediaType}:${c.tmdbId}`, label: c.label.slice(0, 100) })),
        },
      );
      return {
        title: 'Report a problem',
        status: 'ok',
        summary: title === undefined ? 'Which of your recent titles has the problem?' : `Which "${title}" do you mean?`,
        select,
      };
    } catch (error) {
      return lookupFailure(error);
    }
  };
}

/** Applies one menu answer to the draft. */
function answer(
  draft: ReportDraft,
  fill: 'media' | 'season' | 'episode' | undefined,
  value: string | undefined,
): ReportDraft {
  if (fill === undefined || value === undefined) return draft;
  if (fill === 'media') {
    const m = /^(movie|tv):(\d+)$/.exec(value);
    if (m === null) return draft;
    const { season: _s, episode: _e, ...rest } = draft;
    return { ...rest, mediaType: m[1] as 'movie' | 'tv', tmdbId: Number(m[2]) };
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) return draft;
  return fill === 'season' ? { ...draft, season: n } : { ...draft, episode: n };
}

/** A `/report` menu answered or a problem-type button clicked: the next question, or the filed report. */
export function mediaReportStep(deps: FamilyDeps): Processor<'media.report-step'> {
  return async (job, ctx) => {
    const { owner, fill } = job.payload;
    ensureOwner(owner, job.requester);
    const draft = answer(job.payload.draft, fill, job.values?.[0]);
    try {
      const linked = await resolveOverseerrUser(job.requester, deps.people, deps.client);
      if (linked === undefined) return linkHelpReport(job.requester);
      if (draft.tmdbId === undefined)
        return {
          title: 'Report a problem',
          status: 'warning',
          summary: 'That choice is not a title from the list; pick one of the offered titles.',
        };
      return await next(deps, ctx, owner, draft, linked.overseerrUserId);
    } catch (error) {
      return lookupFailure(error);
    }
  };
}
