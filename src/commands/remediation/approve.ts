import { z } from 'zod';
import { defineAction } from '../define-command.js';

/**
 * Approve under a remediation PR: merges it only if its head is still `headSha` (the one shown).
 * Operator only, single use, expires after `approvals.ttl`.
 */
export const approve = defineAction({
  kind: 'drift.approve',
  description: 'Merge a remediation PR',
  role: 'operator',
  job: 'drift.approve',
  singleUse: true,
  payload: z.object({
    pr: z.number().int().positive(),
    headSha: z.string().regex(/^[0-9a-f]{40}$/),
    stack: z.string(),
    service: z.string(),
  }),
});
