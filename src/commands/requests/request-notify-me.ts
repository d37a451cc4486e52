import { z } from 'zod';
import { defineAction } from '../define-command.js';
import { mediaTypeSchema } from './request-owner.js';

/**
 * "🔔 Notify me too" under an already-requested title: whoever clicks gets a DM when it becomes
 * available (a durable subscription; anyone in the family may click, so not owner-bound).
 */
export const requestNotifyMe = defineAction({
  kind: 'request.notify-me',
  description: 'Get a DM when an already-requested title is available',
  role: 'family',
  job: 'media.request-notify-me',
  singleUse: false,
  payload: z.object({
    mediaType: mediaTypeSchema,
    tmdbId: z.number().int().positive(),
    title: z.string().min(1),
    requestId: z.number().int().positive().optional(),
  }),
});
