import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/** `/audit-trail [days]`: remediation PRs opened/approved/merged/reverted/refused, and the apps repo log per stack. */
export const auditTrail = defineCommand({
  command: 'audit-trail',
  description: 'Who opened, approved, merged or reverted remediation PRs',
  role: 'operator',
  job: 'audit.trail',
  options: z.object({
    days: z.number().int().min(1).max(365).default(7).describe('How many days back (1–365, default 7)'),
  }),
});
