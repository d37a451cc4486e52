import { ZodError } from 'zod';
import type { E2eConfig } from '../config/schema.js';
import { failureFinding } from '../checks/failure-finding.js';
import { AppError } from '../errors.js';
import { ServiceCallError, type FailureCode } from '../media/network-failure.js';
import type { E2eServices } from './e2e-services.js';
import type { E2eState, StepRecord } from './e2e-state.js';
import type { E2eStep, Poll, StepScope } from './e2e-step.js';
import { nameE2e, type E2eNames } from './e2e-names.js';
import { e2eSteps } from './e2e-steps.js';
import { retryTransient } from './retry-transient.js';

/** Where a run stands after `advanceE2e`. */
/** `waitingSoon`: poll again at once (the step saved a fact it needs persisted first). */
export type E2eProgress = 'waiting' | 'waitingSoon' | 'passed' | 'failed';

/**
 * A service that is down or answers badly while a step waits is a "seen", not a crash. A transient
 * failure (timeout, reset, HTTP 5xx) is tried again at once, within the step's timeout.
 */
async function safePoll(step: E2eStep, scope: StepScope, deadline: number): Promise<Poll & { readonly fix?: string }> {
  try {
    return await retryTransient(() => step.poll(scope), { deadline });
  } catch (error) {
    if (error instanceof ZodError)
      return {
        kind: 'wait',
        seen: `unexpected reply: ${error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')} ${i.message}`)
          .join('; ')}`,
      };
    if (!(error instanceof AppError)) throw error;
    const fix = connectionFix(error);
    return { kind: 'wait', seen: error.message, ...(fix === undefined ? {} : { fix }) };
  }
}

/**
 * The health checks' suggestion (`failureFinding`) for a service that cannot be reached or refuses
 * the credentials (every media client reports these as a `ServiceCallError`).
 */
function connectionFix(error: AppError): string | undefined {
  if (!(error instanceof ServiceCallError) || !connectionFailures.has(error.failure)) return undefined;
  return failureFinding(error, serviceNames[error.service] ?? error.service, `media.${error.service}`)?.suggestion;
}

const connectionFailures: ReadonlySet<FailureCode> = new Set([
  'refused',
  'timeout',
  'dns',
  'tls',
  'unreachable',
  'unauthorized',
]);
const serviceNames: Readonly<Record<string, string>> = {
  radarr: 'Radarr',
  qbittorrent: 'qBittorrent',
  plex: 'Plex',
  overseerr: 'Overseerr',
  jellyfin: 'Jellyfin',
  jellyseerr: 'Jellyseerr',
};

/** The fix suggestion once a step timed out. */
async function suggestionFor(step: E2eStep, scope: StepScope, poll: { seen: string; fix?: string }): Promise<string> {
  if (poll.fix !== undefined) return poll.fix;
  return step.diagnose(scope, poll.seen).catch(() => "See the service's own log for why it is stuck.");
}

const setStep = (state: E2eState, next: StepRecord): E2eState => ({
  ...state,
  steps: state.steps.map((s) => (s.id === next.id ? next : s)),
});

function failAt(
  state: E2eState,
  step: E2eStep,
  record: StepRecord,
  detail: { seen: string; suggestion: string; expected: string },
  now: number,
  names: E2eNames,
): E2eState {
  const failed = setStep(state, { ...record, status: 'failed', endedAt: now, note: detail.seen });
  return {
    ...failed,
    steps: failed.steps.map((s) => (s.status === 'pending' ? { ...s, status: 'skipped' } : s)),
    failure: {
      hop: nameE2e(step.label, names),
      expected: nameE2e(detail.expected, names),
      seen: detail.seen,
      suggestion: nameE2e(detail.suggestion, names),
    },
  };
}

/**
 * Polls the current step and moves on through every step that is already done, until one has
 * to wait (its timeout not yet reached), fails, or the pipeline passed. Pure apart from the
 * service calls: the caller persists the returned state and decides when to call again.
 */
export async function advanceE2e(
  input: E2eState,
  services: E2eServices,
  config: E2eConfig,
  now: () => number,
): Promise<{ state: E2eState; progress: E2eProgress }> {
  let state = input;
  for (const step of e2eSteps) {
    const current = state.steps.find((s) => s.id === step.id);
    if (current === undefined || current.status === 'ok') continue;
    if (current.status === 'failed' || current.status === 'skipped') return { state, progress: 'failed' };
    const startedAt = current.startedAt ?? now();
    const record: StepRecord = { ...current, status: 'running', startedAt };
    const scope: StepScope = { services, facts: state.facts, config };
    const poll = await safePoll(step, scope, startedAt + config.timeoutsMs[step.id]);
    if (poll.kind !== 'fail' && poll.facts !== undefined)
      state = { ...state, facts: { ...state.facts, ...poll.facts } };
    if (poll.kind === 'fail')
      return {
        state: failAt(
          state,
          step,
          record,
          { ...poll, expected: step.expected({ ...scope, facts: state.facts }) },
          now(),
          services.names,
        ),
        progress: 'failed',
      };
    if (poll.kind === 'done') {
      state = setStep(state, { ...record, status: 'ok', endedAt: now(), note: poll.note });
      continue;
    }
    if (now() - startedAt > config.timeoutsMs[step.id]) {
      const suggestion = await suggestionFor(step, { ...scope, facts: state.facts }, poll);
      const seen = `${poll.seen.replace(/\.$/, '')} after ${config.timeouts[step.id]} (e2e.timeouts.${step.id})`;
      return {
        state: failAt(
          state,
          step,
          record,
          { seen, suggestion, expected: step.expected({ ...scope, facts: state.facts }) },
          now(),
          services.names,
        ),
        progress: 'failed',
      };
    }
    return {
      state: setStep(state, { ...record, note: poll.seen }),
      progress: poll.soon === true ? 'waitingSoon' : 'waiting',
    };
  }
  return { state, progress: 'passed' };
}
