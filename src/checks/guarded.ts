import { AppError } from '../errors.js';
import { skipped, type CheckResult } from './check.js';

/**
 * Runs an integration check's body; when a service call fails (down, bad key), the check is
 * `skipped` with the reason: the service's own API check reports that fault, once.
 */
export async function guarded(body: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) return skipped(`not checked: ${error.message}`);
    throw error;
  }
}
