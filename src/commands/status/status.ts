import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/status`: operator-only overview of the bot itself — version, worker uptime, queue depth,
 * recent runs, and the last drift audit / health run (placeholders until those jobs exist).
 * It goes through the queue like every command, so it also proves a worker is consuming.
 */
export const status = defineCommand({
  command: 'status',
  description: 'Show bot version, worker uptime, queue depth and recent runs',
  role: 'operator',
  job: 'system.status',
  options: z.object({
    runs: z.number().int().min(1).max(25).optional().describe('How many recent runs to list (default 5)'),
  }),
});
