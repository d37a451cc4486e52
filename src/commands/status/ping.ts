import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/ping`: exercises the whole path (dispatch → queue → worker → thread).
 *
 * Role `family` is deliberate: it is a connectivity probe for everyone in the people table
 * ("is the bot alive?") and reveals nothing about the lab. It is the only family command
 * besides the media requests (`/request`, `/requests`); registry.test.ts enforces that list.
 * Its Acknowledge button stays operator-only.
 */
export const ping = defineCommand({
  command: 'ping',
  description: 'Check that the bot and its worker answer',
  role: 'family',
  job: 'system.ping',
  options: z.object({
    delay: z.number().int().min(0).max(600).optional().describe('Seconds the worker waits before answering'),
  }),
});
