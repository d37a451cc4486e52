import { ExternalError } from '../errors.js';

/** Stable codes of every forge failure (they may leave the process, e.g. in the audit trail). */
export type ForgeErrorCode =
  | 'head-moved'
  | 'not-mergeable'
  | 'already-merged'
  | 'not-found'
  | 'forge-unavailable'
  | 'rate-limited'
  | 'forge-rejected';

const retryableCodes: ReadonlySet<ForgeErrorCode> = new Set(['forge-unavailable', 'rate-limited']);

/** Extra facts some codes carry. */
export interface ForgeErrorDetails {
  /** `head-moved`: the branch's head now. */
  readonly currentHeadSha?: string | undefined;
  /** `already-merged`: the merge commit. */
  readonly mergeSha?: string | undefined;
  /** `rate-limited`: how long the forge asked us to wait. */
  readonly retryAfterMs?: number | undefined;
  /** HTTP status when the forge is GitHub. */
  readonly status?: number | undefined;
}

/**
 * The only error type the forge port throws. `forge-unavailable` and `rate-limited` are retryable;
 * the others are final answers. `forge-rejected` is any other refusal (e.g. 422 validation).
 */
export class ForgeError extends ExternalError {
  declare readonly code: ForgeErrorCode;
  readonly details: ForgeErrorDetails;

  constructor(code: ForgeErrorCode, message: string, details: ForgeErrorDetails = {}, cause?: unknown) {
    super(code, message, { retryable: retryableCodes.has(code), context: { ...details }, cause });
    this.details = details;
  }
}

export const isForgeError = (value: unknown, code?: ForgeErrorCode): value is ForgeError =>
  value instanceof ForgeError && (code === undefined || value.code === code);
