import { z } from 'zod';

/** Permissive parsers for Plex JSON (`Accept: application/json`): only the fields we read. */
const container = <T extends z.ZodRawShape>(shape: T) => z.looseObject({ MediaContainer: z.looseObject(shape) });

export const plexIdentitySchema = container({
  machineIdentifier: z.string(),
  version: z.string(),
  claimed: z.boolean().optional(),
});

export const plexSectionsSchema = container({
  Directory: z
    .array(
      z.looseObject({
        key: z.union([z.string(), z.number()]).transform(String),
        type: z.string(),
        title: z.string(),
        agent: z.string().optional(),
        scanner: z.string().optional(),
        refreshing: z.boolean().optional(),
        Location: z.array(z.looseObject({ path: z.string() })).default([]),
      }),
    )
    .default([]),
});

/** Values arrive as booleans/numbers in JSON, `"1"`/`"true"` in XML-ish servers: parsed defensively. */
export const plexPrefsSchema = container({
  Setting: z.array(z.looseObject({ id: z.string(), type: z.string().optional(), value: z.unknown() })).default([]),
});

export const plexMetadataSchema = z.looseObject({
  ratingKey: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  year: z.number().optional(),
  type: z.string().optional(),
  guid: z.string().optional(),
  addedAt: z.number().optional(),
  Guid: z.array(z.looseObject({ id: z.string() })).default([]),
  Media: z
    .array(z.looseObject({ Part: z.array(z.looseObject({ file: z.string().optional() })).default([]) }))
    .default([]),
});

export const plexItemsSchema = container({ Metadata: z.array(plexMetadataSchema).default([]) });

export const plexHubsSchema = container({
  Hub: z.array(z.looseObject({ type: z.string(), Metadata: z.array(plexMetadataSchema).default([]) })).default([]),
});

export const plexSessionsSchema = container({
  size: z.number(),
  Metadata: z.array(z.looseObject({ title: z.string().optional() })).default([]),
});

/** `true`, `1`, `"1"`, `"true"` → true. */
export const isPlexTrue = (value: unknown): boolean =>
  value === true || value === 1 || value === '1' || value === 'true';
