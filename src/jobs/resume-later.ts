/**
 * Thrown (via `ProcessorContext.resumeLater`) by a processor that has to wait a long time:
 * the job wrapper stores `state` in the job's data and moves the job to the delayed set, so no
 * worker slot is held while waiting and a restarted worker resumes from `state`.
 */
export class ResumeLater extends Error {
  override readonly name = 'ResumeLater';

  constructor(
    readonly state: unknown,
    readonly delayMs: number,
  ) {
    super(`resume in ${delayMs} ms`);
  }
}

/** The key in a job's data that holds the state saved by the previous run of the processor. */
export const resumeKey = 'resume';

/** Splits job data into the payload (validated against the job's schema) and the saved state. */
export function splitResume(data: unknown): { payload: unknown; state: unknown } {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, resumeKey))
    return { payload: data, state: undefined };
  const { [resumeKey]: state, ...payload } = data as Record<string, unknown>;
  return { payload, state };
}
