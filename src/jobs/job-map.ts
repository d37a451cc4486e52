import { z } from 'zod';
import { platformSchema } from '../chat/platform.js';
import { approve } from '../commands/remediation/approve.js';
import { auditTrail } from '../commands/remediation/audit-trail.js';
import { catalog } from '../commands/catalog/catalog.js';
import { driftAudit } from '../commands/drift/drift-audit.js';
import { driftFix } from '../commands/remediation/drift-fix.js';
import { driftLint } from '../commands/drift/drift-lint.js';
import { driftOpenPr } from '../commands/remediation/drift-open-pr.js';
import { e2e } from '../commands/e2e/e2e.js';
import { pingAck } from '../commands/status/ping-ack.js';
import { requestConfirm } from '../commands/requests/request-confirm.js';
import { requestMovie } from '../commands/requests/request-movie.js';
import { requestNotifyMe } from '../commands/requests/request-notify-me.js';
import { requestPick } from '../commands/requests/request-pick.js';
import { requestSeasons } from '../commands/requests/request-seasons.js';
import { requestTv } from '../commands/requests/request-tv.js';
import { revert } from '../commands/remediation/revert.js';
import { ping } from '../commands/status/ping.js';
import { requests } from '../commands/requests/requests.js';
import { health } from '../commands/health/health.js';
import { healthOpenFix } from '../commands/health/health-open-fix.js';
import { status } from '../commands/status/status.js';

/** Who asked, by immutable platform id (never a token or a display name used for auth). */
export const requesterSchema = z.object({
  platform: platformSchema,
  id: z.string().min(1),
  name: z.string().optional(),
});

/** Every job carries the run it reports into; options are validated command options. */
const commandJob = <O extends z.ZodObject>(options: O) =>
  z.object({ runId: z.string().min(1), requester: requesterSchema, options }).strict();

/** Button/select jobs also carry the action id and the payload stored with the action. */
const actionJob = <P extends z.ZodObject>(payload: P) =>
  z.object({
    runId: z.string().min(1), requester: requesterSchema, actionId: z.string().min(1), payload,
    /** A select menu's chosen option values (buttons carry none). */
    values: z.array(z.string()).max(25).optional(),
  }).strict();

/**
 * The bot↔worker contract: job name → zod payload. Payloads hold ids and options only,
 * never secrets (workers read credentials from their own config).
 */
export const jobMap = {
  'system.ping': commandJob(ping.options),
  'system.ping-ack': actionJob(pingAck.payload),
  'system.status': commandJob(status.options),
  'drift.audit': commandJob(driftAudit.options),
  'drift.lint': commandJob(driftLint.options),
  'media.request-movie': commandJob(requestMovie.options),
  'media.request-tv': commandJob(requestTv.options),
  'media.request-pick': actionJob(requestPick.payload),
  'media.request-seasons': actionJob(requestSeasons.payload),
  'media.request-confirm': actionJob(requestConfirm.payload),
  'media.request-notify-me': actionJob(requestNotifyMe.payload),
  'drift.fix': commandJob(driftFix.options),
  'drift.open-pr': actionJob(driftOpenPr.payload),
  'drift.approve': actionJob(approve.payload),
  'drift.revert': actionJob(revert.payload),
  'audit.trail': commandJob(auditTrail.options),
  'media.requests-list': commandJob(requests.options),
  'health.run': commandJob(health.options),
  'health.open-fix': actionJob(healthOpenFix.payload),
  'media.e2e': commandJob(e2e.options),
  'catalog.show': commandJob(catalog.options),
} as const;

export type JobName = keyof typeof jobMap;
export type JobPayload<N extends JobName> = z.infer<(typeof jobMap)[N]>;

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobMap, name);
