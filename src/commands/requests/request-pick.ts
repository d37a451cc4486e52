import { z } from 'zod';
import { defineAction } from '../define-command.js';
import { mediaTypeSchema, requestOwnerSchema } from './request-owner.js';

/**
 * A search result chosen in the select (the value is the TMDB id), or a season-picker page button
 * (`tmdbId` + `page` stored). Multi-use: the owner may pick another result.
 */
export const requestPick = defineAction({
  kind: 'request.pick',
  description: 'Pick a search result (or a page of seasons)',
  role: 'family',
  job: 'media.request-pick',
  singleUse: false,
  payload: z.object({
    owner: requestOwnerSchema,
    mediaType: mediaTypeSchema,
    tmdbId: z.number().int().positive().optional(),
    page: z.number().int().positive().optional(),
  }),
});
