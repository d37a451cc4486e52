import { z } from 'zod';
import { defineCommand } from './define-command.js';

/** `/ping`: exercises the whole path (dispatch → queue → worker → thread). Anyone known may use it. */
export const ping = defineCommand({
  command: 'ping',
  description: 'Check that the bot and its worker answer',
  role: 'family',
  job: 'system.ping',
  options: z.object({
    delay: z.number().int().min(0).max(600).optional().describe('Seconds the worker waits before answering'),
  }),
});
