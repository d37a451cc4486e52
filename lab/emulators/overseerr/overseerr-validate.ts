import { join } from 'node:path';
import { contractsDir, createOpenApiChecker } from '../arr-common/openapi-checker.js';

/** The upstream description, read in place (never copied into the project). */
export const OVERSEERR_SPEC_PATH = join(contractsDir(), 'overseerr-api.yml');
/** Jellyseerr's own description (v2.7.3), for the emulator's Jellyseerr flavour. */
export const JELLYSEERR_SPEC_PATH = join(contractsDir(), 'jellyseerr-api.yml');

/** Checks a response body against the schema of `method template status`; returns violations (empty = valid). */
export type ResponseChecker = (method: string, template: string, status: number, body: unknown) => string[];

/**
 * Compiles response schemas on demand. Statuses the spec does not document (202/403/409 on
 * `POST /request`, 4xx everywhere) are reported as `undocumented` by the caller, not as violations.
 */
export function createResponseChecker(specPath: string = OVERSEERR_SPEC_PATH): {
  check: ResponseChecker;
  documented: (m: string, t: string, s: number) => boolean;
  checkRequest: (m: string, t: string, path: string, body: unknown) => string[];
} {
  const checker = createOpenApiChecker(specPath, { sameBodyAs200: new Set() });
  return {
    check: (m, t, s, body) => checker.check(m, t, s, body),
    documented: (m, t, s) => checker.documented(m, t, s),
    checkRequest: (m, t, path, body) => checker.checkRequest(m, t, path, body),
  };
}
