import { UserError } from '../../errors.js';
import type { RemediationDeps } from '../../drift/remediate/open-remediation.js';
import type { StackLog } from '../../drift/remediate/git-log-by-stack.js';
import type { AuditTrailStore } from '../../store/audit-trail-store.js';

/** What the remediation jobs need; `remediation` is absent when no forge is configured (read-only). */
export interface RemediationJobDeps {
  readonly remediation: RemediationDeps | undefined;
  readonly trail: AuditTrailStore;
  /** The apps repo's commits of the last `days`, grouped by stack; undefined when no apps repo is configured. */
  readonly gitLog: (days: number) => Promise<readonly StackLog[] | undefined>;
}

/** The remediation deps, or a clear refusal when remediation is not configured. */
export function requireRemediation(deps: RemediationJobDeps): RemediationDeps {
  if (deps.remediation !== undefined) return deps.remediation;
  throw new UserError(
    'no-forge',
    'Remediation is not configured: add `apps.forge` (type github or git) and `apps.url` to the config to open pull requests.',
  );
}
