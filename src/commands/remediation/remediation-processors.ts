import type { Processors } from './jobs.js';
import { auditTrailProcessor } from './audit-trail-processor.js';
import { driftAdoptButtonProcessor, driftAdoptProcessor } from './drift-adopt-processor.js';
import { driftApproveProcessor } from './drift-approve.js';
import { driftFixProcessor, driftOpenPrProcessor } from './drift-fix-processor.js';
import { driftRevertInOrderProcessor, driftRevertProcessor } from './drift-revert.js';
import type { RemediationJobDeps } from './remediation-job-deps.js';

type RemediationJobs =
  | 'drift.fix'
  | 'drift.open-pr'
  | 'drift.approve'
  | 'drift.revert'
  | 'audit.trail'
  | 'drift.adopt'
  | 'drift.adopt-container'
  | 'drift.revert-in-order';

/** The remediation processors (issue #5) for the composition root to spread over `processors`. */
export const remediationProcessors = (deps: RemediationJobDeps): Pick<Processors, RemediationJobs> => ({
  'drift.fix': driftFixProcessor(deps),
  'drift.open-pr': driftOpenPrProcessor(deps),
  'drift.approve': driftApproveProcessor(deps),
  'drift.revert': driftRevertProcessor(deps),
  'audit.trail': auditTrailProcessor(deps),
  'drift.adopt': driftAdoptProcessor(deps),
  'drift.adopt-container': driftAdoptButtonProcessor(deps),
  'drift.revert-in-order': driftRevertInOrderProcessor(deps),
});
