import { defineFeature } from '../define-feature.js';
import { auditConnections } from '../feature-context.js';
import { approve } from './approve.js';
import { auditTrail } from './audit-trail.js';
import { driftAdopt, driftAdoptButton } from './drift-adopt.js';
import { driftFix } from './drift-fix.js';
import { driftOpenPr } from './drift-open-pr.js';
import { remediationJobs, remediationRetry } from './jobs.js';
import { remediationProcessors } from './remediation-processors.js';
import { remediationJobDeps } from './remediation-wiring.js';
import { revert, revertInOrderAction } from './revert.js';

export { approve } from './approve.js';
export { driftOpenPr } from './drift-open-pr.js';
export { driftAdoptButton } from './drift-adopt.js';
export { recordRefusedClicks } from './remediation-wiring.js';

/** `/drift fix`, `/drift adopt`, the Open PR / Adopt / Approve / Revert buttons and `/audit-trail`. */
export const remediationFeature = defineFeature({
  name: 'remediation',
  commands: [driftFix, driftAdopt, auditTrail],
  actions: [driftOpenPr, approve, revert, revertInOrderAction, driftAdoptButton],
  jobs: remediationJobs,
  retry: remediationRetry,
  wire: (ctx) =>
    remediationProcessors(
      remediationJobDeps(ctx.config, {
        trail: ctx.stores.auditTrailStore,
        forge: ctx.adapters.forge,
        log: ctx.log,
        cacheDir: ctx.cacheDir,
        connections: auditConnections(ctx.adapters, ctx.log),
      }),
    ),
});
