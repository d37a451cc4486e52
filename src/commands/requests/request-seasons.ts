import { z } from 'zod';
import { defineAction } from '../define-command.js';
import { requestOwnerSchema } from './request-owner.js';

/** Seasons chosen in the (multi) season picker of a series; leads to the confirm card. */
export const requestSeasons = defineAction({
  kind: 'request.seasons',
  description: 'Choose the seasons of a series to request',
  role: 'family',
  job: 'media.request-seasons',
  singleUse: false,
  payload: z.object({
    owner: requestOwnerSchema,
    tmdbId: z.number().int().positive(),
    requestable: z.array(z.number().int().nonnegative()),
  }),
});
