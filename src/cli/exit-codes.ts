/**
 * Process exit codes, documented in `homelab-bot --help` and the README. One-shot runs use
 * `findings` so CI can gate on drift or lint results.
 */
export const exitCodes = {
  ok: 0,
  /** The run worked and found something: drift, lint failures, failing checks. */
  findings: 1,
  /** Bad command line or invalid configuration. */
  usage: 2,
  /** The run could not complete: unreachable service, internal error. */
  failure: 3,
  /** Stopped by a signal after cleaning up: 128 + the signal's number. */
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
