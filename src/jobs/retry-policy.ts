import type { JobName } from './job-map.js';

/** Attempts and backoff for one job kind. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoff: { readonly type: 'exponential' | 'fixed'; readonly delay: number };
}

/**
 * The one retry table. Read-only jobs retry on transient failures; jobs that change things
 * (merge, revert) retry rarely and rely on idempotent processors. UserErrors never retry.
 */
export const retryPolicy: Readonly<Record<JobName, RetryPolicy>> = {
  'system.ping': { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
  'system.ping-ack': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  'system.status': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  // Read-only; an unreachable host is a value in the report, so retries only cover git/worker hiccups.
  'drift.audit': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.lint': { attempts: 2, backoff: { type: 'fixed', delay: 2_000 } },
  // Media requests: Overseerr down/timeouts become plain outcomes in the report, not retries.
  'media.request-movie': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  'media.request-tv': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  'media.request-pick': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  'media.request-seasons': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  // Filing a request is not idempotent on Overseerr's side: never retried.
  'media.request-confirm': { attempts: 1, backoff: { type: 'fixed', delay: 1_000 } },
  'media.request-notify-me': { attempts: 3, backoff: { type: 'fixed', delay: 1_000 } },
  // Remediation: retried only for forge/git hiccups; the processors are idempotent (same commit, merge claim).
  'drift.fix': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.open-pr': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  'drift.approve': { attempts: 2, backoff: { type: 'fixed', delay: 3_000 } },
  'drift.revert': { attempts: 1, backoff: { type: 'fixed', delay: 3_000 } },
  'audit.trail': { attempts: 2, backoff: { type: 'fixed', delay: 1_000 } },
  // Read-only Overseerr calls; a second try covers a blip.
  'media.requests-list': { attempts: 2, backoff: { type: 'fixed', delay: 2_000 } },
  // Read-only; failing services are values in the report, so one retry covers worker hiccups.
  'health.run': { attempts: 2, backoff: { type: 'fixed', delay: 2_000 } },
  // The branch name is per minute and pushed with --force, so a retry opens no second PR branch.
  'health.open-fix': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  // Parks itself between polls (not an attempt); retries cover a crash mid-poll.
  'media.e2e': { attempts: 3, backoff: { type: 'fixed', delay: 30_000 } },
  // Read-only: unreachable hosts are values; retries cover git/worker hiccups.
  'catalog.show': { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
};
