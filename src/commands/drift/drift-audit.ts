import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/drift audit [host] [stack]`: compares the running containers with the compose files of the
 * configured branch and reports every difference (operator only; read-only).
 */
export const driftAudit = defineCommand({
  command: 'drift',
  subcommand: 'audit',
  description: 'Compare running containers with the compose files in git',
  role: 'operator',
  job: 'drift.audit',
  options: z.object({
    host: z.string().optional().describe('Only this host (a configured host name)'),
    stack: z.string().optional().describe('Only this stack (a folder under stacks/)'),
  }),
  dedupeBy: ['host', 'stack'],
});
