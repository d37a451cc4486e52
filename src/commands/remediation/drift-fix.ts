import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/drift fix <stack> <service> [host]`: re-audits the stack and opens a pull request that makes git
 * describe the running service (label `drift-remediation`), with an Approve button (operator only).
 */
export const driftFix = defineCommand({
  command: 'drift',
  subcommand: 'fix',
  description: 'Open a PR that makes git match a drifted service',
  role: 'operator',
  job: 'drift.fix',
  options: z.object({
    stack: z.string().min(1).describe('The stack (a folder under stacks/)'),
    service: z.string().min(1).describe('The drifted service in that stack'),
    host: z.string().optional().describe('Only this host (when the stack runs on several)'),
  }),
  dedupeBy: ['stack', 'service', 'host'],
});
