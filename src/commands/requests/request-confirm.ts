import { z } from 'zod';
import { defineAction } from '../define-command.js';
import { mediaTypeSchema, requestOwnerSchema } from './request-owner.js';

/** "Request" / "Request 4K" on the confirm card: files the request as the owner's Overseerr user. */
export const requestConfirm = defineAction({
  kind: 'request.confirm',
  description: 'Confirm a media request',
  role: 'family',
  job: 'media.request-confirm',
  singleUse: true,
  payload: z.object({
    owner: requestOwnerSchema,
    mediaType: mediaTypeSchema,
    tmdbId: z.number().int().positive(),
    title: z.string().min(1),
    seasons: z.union([z.array(z.number().int().nonnegative()).min(1), z.literal('all')]).optional(),
    is4k: z.boolean(),
  }),
});
