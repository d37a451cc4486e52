import type { Readiness } from '../../e2e/e2e-readiness.js';
import type { E2eState } from '../../e2e/e2e-state.js';
import { formatElapsed } from '../../e2e/render-e2e.js';
import type { Report } from '../../report/report.js';

/** The final report of a finished `/e2e` run (the live step list stays above it). */
export function e2eResultReport(state: E2eState, now: number, cleanup: readonly string[]): Report {
  const took = formatElapsed(now - state.startedAt);
  const cleanupLines = cleanup.length === 0 ? [] : ['', `Cleanup: ${cleanup.join('; ')}`];
  const failure = state.failure;
  if (failure === undefined) {
    return {
      title: `/e2e passed in ${took}`,
      status: 'ok',
      summary: 'Every hop of the media pipeline worked.',
      lines: cleanupLines,
    };
  }
  return {
    title: `/e2e failed at "${failure.hop}"`,
    status: 'failed',
    summary: `The pipeline stopped at the hop "${failure.hop}" after ${took}.`,
    lines: [
      `Expected: ${failure.expected}`,
      `Seen: ${failure.seen}`,
      `Suggestion: ${failure.suggestion}`,
      ...cleanupLines,
    ],
  };
}

/** `/e2e dry-run`: one line per hop. */
export function e2eReadinessReport(hops: readonly Readiness[]): Report {
  const notReady = hops.filter((h) => !h.ok).length;
  return {
    title: notReady === 0 ? '/e2e dry-run: every hop is ready' : `/e2e dry-run: ${notReady} hop(s) not ready`,
    status: notReady === 0 ? 'ok' : 'failed',
    summary: 'Nothing was requested.',
    lines: hops.map((h) => `${h.ok ? '✅' : '❌'} ${h.hop}: ${h.note}`),
  };
}
