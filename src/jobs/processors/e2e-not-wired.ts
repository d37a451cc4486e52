import { UserError } from '../../errors.js';
import type { Processor } from '../processor.js';

/** Placeholder for workers started without config: a clear message, never retried. */
export const e2eNotWired: Processor<'media.e2e'> = () =>
  Promise.reject(new UserError('e2e-not-wired', '/e2e is not available in this worker: it was started without the media config (e2eProcessors).'));
