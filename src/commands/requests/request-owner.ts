import { z } from 'zod';
import { platformSchema } from '../../chat/platform.js';

/** Who started a request flow; only they may use its menus and confirm buttons. */
export const requestOwnerSchema = z.object({
  platform: platformSchema,
  id: z.string().min(1),
  name: z.string().optional(),
});

/** Movie or TV. */
export const mediaTypeSchema = z.enum(['movie', 'tv']);
