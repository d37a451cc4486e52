import { z } from 'zod';

/**
 * Every chat platform the bot speaks, in one list. `Platform`, the zod enums in job payloads,
 * run records and e2e state, and the per-platform tables (`textLimits`, the config's `chat`
 * blocks) all derive from it, so adding a platform here is a compile error wherever it matters.
 */
export const platforms = ['discord', 'slack', 'shell'] as const;

export type Platform = (typeof platforms)[number];

/** `discord` | `slack` | `shell` as a zod enum (payloads and stored records). */
export const platformSchema = z.enum(platforms);
