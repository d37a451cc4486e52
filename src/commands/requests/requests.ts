import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/requests`: the caller's recent media requests with status and, while downloading, progress/ETA.
 * `/requests pending` (operators): every request waiting for approval, oldest first, with Approve/Decline.
 */
export const requests = defineCommand({
  command: 'requests',
  description: 'Show your recent media requests and how far their downloads are',
  role: 'family',
  job: 'media.requests-list',
  options: z.object({
    count: z.number().int().min(1).max(20).optional().describe('How many recent requests to show (default 10)'),
    pending: z.boolean().optional().describe('Operators: the requests waiting for approval, with Approve/Decline'),
  }),
  optionRoles: { pending: 'operator' },
});
