import type { Processor } from '../processor.js';
import { statusReport } from './status-report.js';

/** Answers `/status` from the worker's own view: version, uptime, queue depth, recent runs. */
export const systemStatus: Processor<'system.status'> = async (payload, context) => {
  const { system } = context;
  const limit = payload.options.runs ?? 5;
  const [queue, recentRuns] = await Promise.all([system.queueCounts(), system.recentRuns(limit + 1)]);
  return statusReport({
    version: system.version,
    workerUptimeMs: system.uptimeMs(),
    queue,
    recentRuns: recentRuns.filter((r) => r.runId !== payload.runId).slice(0, limit),
    selfRunId: payload.runId,
  });
};
