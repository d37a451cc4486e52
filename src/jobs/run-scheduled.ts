import type { ChatPort, Platform } from '../chat/chat-port.js';
import type { Logger } from '../log.js';
import type { Report } from '../report/report.js';
import type { RunRecord, RunStore } from '../store/run-store.js';
import { postResult } from './post-result.js';
import type { ScheduleStateStore } from './schedule-state.js';
import { diffFindings, isUnchanged, type Finding, type FindingsDiff, type ScheduledTask } from './scheduled-task.js';

/** A channel scheduled reports go to (config `chat.discord.reportChannelId`, `chat.slack.channelId`). */
export interface ReportTarget {
  readonly platform: Platform;
  readonly channelId: string;
}

export interface ScheduledRunDeps {
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly targets: readonly ReportTarget[];
  readonly runStore: RunStore;
  readonly state: ScheduleStateStore;
  readonly log: Logger;
  readonly clock?: () => Date;
  /**
   * Lease on the schedule's lock, renewed every third of it while the run is alive (default 60 s):
   * a worker that dies mid-run blocks later ticks for at most this long.
   */
  readonly lockMs?: number;
}

/** Who "requested" a scheduled run, in run records and logs. */
const schedulerRequester = { platform: 'shell', id: 'scheduler', name: 'scheduler' } as const;

const MAX_LINES = 40;

function section(name: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, MAX_LINES).map((f) => `• ${f.text}`);
  const more =
    findings.length > MAX_LINES ? [`…and ${String(findings.length - MAX_LINES)} more (see the attachments)`] : [];
  return [`${name} (${String(findings.length)}):`, ...shown, ...more];
}

/** The change message: what is new, what changed, what was resolved, plus the full report's attachments. */
function changeReport(task: ScheduledTask, diff: FindingsDiff, full: Report): Report {
  const open = diff.added.length + diff.changed.length;
  const parts = [
    diff.added.length > 0 ? `${String(diff.added.length)} new` : '',
    diff.changed.length > 0 ? `${String(diff.changed.length)} changed` : '',
    diff.resolved.length > 0 ? `${String(diff.resolved.length)} resolved` : '',
  ].filter((p) => p !== '');
  return {
    title: `${task.title}: ${parts.join(', ')}`,
    status: open > 0 ? 'warning' : 'ok',
    summary: full.summary ?? '',
    lines: [...section('New', diff.added), ...section('Changed', diff.changed), ...section('Resolved', diff.resolved)],
    attachments: full.attachments ?? [],
  };
}

async function postTo(target: ReportTarget, runId: string, report: Report, deps: ScheduledRunDeps): Promise<void> {
  const chat = deps.chats[target.platform];
  if (chat === undefined) {
    deps.log.warn({ platform: target.platform }, 'no chat for scheduled report');
    return;
  }
  let run = await deps.runStore.get(runId);
  if (run?.resultMessage !== undefined) return; // an earlier attempt of this tick already posted here
  if (run === undefined) {
    const { thread, root } = await chat.openThread(target.channelId, report.title.slice(0, 100), {
      text: `🕒 ${report.title}`,
    });
    const now = (deps.clock ?? (() => new Date()))().toISOString();
    const record: RunRecord = {
      runId,
      jobId: runId,
      platform: target.platform,
      channelId: thread.channelId,
      threadId: thread.threadId,
      rootMessageId: root.messageId,
      requester: schedulerRequester,
      command: report.title,
      status: 'running',
      createdAt: now,
      updatedAt: now,
    };
    await deps.runStore.create(record);
    run = record;
  }
  const posted = await postResult(chat, run, report, deps.runStore);
  await deps.runStore.update(posted.runId, { status: 'succeeded' });
}

/**
 * One tick of a schedule: runs the task, diffs its findings against the last run's and posts
 * into every report channel only when something changed. The new findings are saved only after
 * posting, so a failed post is retried and a posted change is never posted again.
 */
export async function runScheduled(
  task: ScheduledTask,
  tickId: string,
  deps: ScheduledRunDeps,
): Promise<'posted' | 'unchanged' | 'skipped'> {
  const log = deps.log.child({ schedule: task.kind, tickId });
  const leaseMs = deps.lockMs ?? 60_000;
  if (!(await deps.state.lock(task.kind, tickId, leaseMs))) {
    log.info('previous tick still running; skipped');
    return 'skipped';
  }
  const heartbeat = setInterval(
    () => {
      deps.state.renew(task.kind, tickId, leaseMs).then(
        (held) => {
          if (!held) log.warn('schedule lease lost (the run outlived it); another tick may overlap');
        },
        (error: unknown) => {
          log.warn({ err: error }, 'could not renew the schedule lease');
        },
      );
    },
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  heartbeat.unref();
  try {
    const outcome = await task.run();
    const before = await deps.state.get(task.kind);
    const diff = diffFindings(before.findings, outcome.findings);
    const changed = !isUnchanged(diff);
    if (changed) {
      const report = changeReport(task, diff, outcome.report);
      const runId = `s-${task.kind}-${tickId}`.replace(/[^\w-]/g, '-');
      for (const target of deps.targets) await postTo(target, `${runId}-${target.platform}`, report, deps);
    }
    const findings = Object.fromEntries(outcome.findings.map((f) => [f.key, f]));
    const lastRunAt = (deps.clock ?? (() => new Date()))().toISOString();
    await deps.state.save(task.kind, {
      findings,
      runs: before.runs + 1,
      posts: before.posts + (changed ? 1 : 0),
      lastRunAt,
    });
    log.info({ changed, added: diff.added.length, resolved: diff.resolved.length }, 'scheduled run done');
    return changed ? 'posted' : 'unchanged';
  } finally {
    clearInterval(heartbeat);
    await deps.state.unlock(task.kind, tickId);
  }
}
