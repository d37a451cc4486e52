import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { ChatPort, Platform } from '../chat/chat-port.js';
import { bindActionOrigins } from './bind-action-origins.js';
import { ensureAnnounced } from './ensure-announced.js';
import { UserError, toUserMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { ActionStore } from '../store/action-store.js';
import type { RunStore } from '../store/run-store.js';
import type { BoundJob, JobTable, ParsedJob } from './job-table.js';
import { budgetOf, isBudgetExceeded, withinBudget } from './job-budget.js';
import { postResult, setStatusLine } from './post-result.js';
import { processorContext } from './processor-context.js';
import { ResumeLater, resumeKey, splitResume } from './resume-later.js';
import type { SystemView } from './system-view.js';
import type { HealthStore } from '../store/health-store.js';
import { statusIcon, type Report } from '../report/report.js';

/** What running a job needs; all passed in. */
export interface JobDeps {
  /** Every job this worker runs, with its processor (the registry's `bindJobs(wireFeatures(ctx))`). */
  readonly jobs: JobTable;
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly runStore: RunStore;
  readonly actionStore: ActionStore;
  readonly log: Logger;
  readonly actionTtlMs: number;
  /** Version, uptime, queue counts and recent runs, for `/status`. */
  readonly system: SystemView;
  /** Where `/health` results are cached for `/status` (from `createStores`). */
  readonly healthStore?: HealthStore;
  /** Masks known secrets in text bound for Redis (run record errors); identity when absent. */
  readonly redact?: (text: string) => string;
  /** Budget overrides by job name in ms (config `timeouts.jobs`); see `budgetOf`. */
  readonly budgets?: Readonly<Record<string, number>>;
}

const isFinalAttempt = (job: Job): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

function parse(job: Job, jobs: JobTable): { name: string; parsed: ParsedJob; bound: BoundJob } {
  const bound = Object.hasOwn(jobs, job.name) ? jobs[job.name] : undefined;
  if (bound === undefined) throw new UnrecoverableError(`unknown job ${job.name}`);
  const parsed = bound.parse(splitResume(job.data).payload);
  if (parsed === undefined) throw new UnrecoverableError(`invalid payload for ${job.name}`);
  return { name: job.name, parsed, bound };
}

/** How a job run ended without throwing: done, or refused with a UserError (answered in the thread). */
export type JobEnd = 'succeeded' | 'refused';

/**
 * The run's final status line: its icon mirrors the result posted in the thread (no "✅ Done"
 * under a ❌ report); a refusal says so.
 */
export function finalStatusLine(status: Report['status'], command: string): string {
  if (status === 'refused') return `${statusIcon.refused} Refused: ${command}`;
  return `${statusIcon[status]} Done: ${command}`;
}

/**
 * The job wrapper (an error boundary): loads the run record, runs the processor, posts the
 * result into the run's thread with the bot token. A UserError is a refusal: answered in the
 * thread, the run recorded as `refused`, the job completed (never retried, not a failure).
 */
export async function runJob(job: Job, deps: JobDeps, token?: string): Promise<JobEnd> {
  const { name, parsed, bound } = parse(job, deps.jobs);
  const budgetMs = budgetOf(name, bound.retry.lane ?? 'quick', bound.retry.budgetMs, deps.budgets);
  const { payload } = parsed;
  const log = deps.log.child({ job: name, jobId: job.id, runId: payload.runId });
  const found = await deps.runStore.get(payload.runId);
  if (found === undefined) throw new UnrecoverableError(`run ${payload.runId} not found`);
  const port = deps.chats[found.platform];
  if (port === undefined) throw new UnrecoverableError(`no chat port for ${found.platform}`);
  if (found.status === 'succeeded' && found.resultMessage !== undefined) return 'succeeded';
  const chat = bindActionOrigins(port, deps.actionStore, found.workspaceId);
  // The bot saves the run and the job before any chat call; if it died before posting the
  // run's line and thread, the worker posts them (exactly once, see ensureAnnounced).
  const announced = found.announce === undefined ? found : await ensureAnnounced(port, deps.runStore, found.runId, log);
  let run = await deps.runStore.update(announced.runId, { status: 'running' });
  let suspended = false;
  // A resumed long job (see ResumeLater) is already shown as running.
  if (splitResume(job.data).state === undefined) await setStatusLine(chat, run, `🔄 Running: ${run.command}`, log);
  try {
    const context = processorContext({ job, run, chat, deps, log });
    const report = await withinBudget(name, budgetMs, () => parsed.run(context));
    run = await postResult(chat, run, report, deps.runStore);
    run = await deps.runStore.update(run.runId, { status: 'succeeded' });
    await setStatusLine(chat, run, finalStatusLine(report.status, run.command), log);
    return 'succeeded';
  } catch (error) {
    suspended = error instanceof ResumeLater && token !== undefined;
    if (error instanceof ResumeLater && token !== undefined) await suspend(job, error, token);
    if (error instanceof UserError) return await refuse(error, { job, chat, run, deps, log });
    return await handleFailure(error, { job, chat, run, deps, log });
  } finally {
    if (payload.actionId !== undefined && !suspended) await deps.actionStore.finish(payload.actionId, 'done');
  }
}

/** Saves the processor's state in the job and delays it; the worker slot is freed at once. */
async function suspend(job: Job, resume: ResumeLater, token: string): Promise<never> {
  await job.updateData({ ...(splitResume(job.data).payload as Record<string, unknown>), [resumeKey]: resume.state });
  await job.moveToDelayed(Date.now() + resume.delayMs, token);
  throw new DelayedError();
}

interface FailureScope {
  readonly job: Job;
  readonly chat: ChatPort;
  readonly run: Awaited<ReturnType<RunStore['update']>>;
  readonly deps: JobDeps;
  readonly log: Logger;
}

/** A refusal (UserError) is an answer, not a fault: info level, no stack, shown in the thread, run `refused`. */
async function refuse(error: UserError, scope: FailureScope): Promise<'refused'> {
  const { chat, deps, log } = scope;
  log.info({ code: error.code, reason: error.message }, 'job refused');
  const text = (deps.redact ?? ((t: string) => t))(error.message);
  const run = await postResult(
    chat,
    scope.run,
    { title: `${scope.run.command} refused`, status: 'refused', summary: text },
    deps.runStore,
  );
  await deps.runStore.update(run.runId, { status: 'refused', error: text });
  await setStatusLine(chat, run, finalStatusLine('refused', run.command), log);
  return 'refused';
}

async function handleFailure(error: unknown, scope: FailureScope): Promise<never> {
  const { job, chat, deps, log } = scope;
  // A job that ran out of budget would most likely hang again: it is not retried.
  const final = isBudgetExceeded(error) || isFinalAttempt(job);
  log.error({ err: error, attempt: job.attemptsMade + 1, final }, 'job failed');
  if (!final) throw error;
  const text = (deps.redact ?? ((t: string) => t))(toUserMessage(error, scope.run.runId));
  const run = await postResult(
    chat,
    scope.run,
    { title: `${scope.run.command} failed`, status: 'failed', summary: text },
    deps.runStore,
  );
  await deps.runStore.update(run.runId, { status: 'failed', error: text });
  await setStatusLine(chat, run, `❌ Failed: ${run.command}`, log);
  throw isBudgetExceeded(error) ? new UnrecoverableError(text) : error;
}
