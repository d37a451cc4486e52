import { UserError } from '../../errors.js';
import type { Processor } from '../processor.js';

/** Placeholder for workers started without drift wiring: a clear message, never retried. */
export const driftNotWired = <N extends 'drift.audit' | 'drift.lint' | 'drift.fix' | 'drift.open-pr' | 'drift.approve' | 'drift.revert' | 'audit.trail'>(job: N): Processor<N> => () =>
  Promise.reject(new UserError('drift-not-wired', `${job} is not available in this worker: it was started without the drift wiring (driftProcessors).`));
