import { z } from 'zod';

/**
 * Response schemas written from `shared/contracts/plex.md` (JSON flavour: root `MediaContainer`,
 * attributes as properties, children as arrays, ids such as `key`/`ratingKey` as strings, booleans
 * real, timestamps integer seconds). Each route's reply must parse, or the emulator reports a violation.
 */
const int = z.number().int();
const container = (shape: z.ZodRawShape) => z.strictObject({ MediaContainer: z.looseObject({ size: int, ...shape }) });

const location = z.strictObject({ id: int, path: z.string().startsWith('/') });
const directory = z.looseObject({
  key: z.string().regex(/^\d+$/),
  type: z.enum(['movie', 'show', 'artist', 'photo']),
  title: z.string(),
  agent: z.string(),
  scanner: z.string(),
  language: z.string(),
  uuid: z.string(),
  refreshing: z.boolean(),
  updatedAt: int,
  createdAt: int,
  scannedAt: int,
  Location: z.array(location),
});
const setting = z
  .looseObject({
    id: z.string(),
    label: z.string(),
    summary: z.string(),
    type: z.enum(['bool', 'int', 'double', 'text']),
    default: z.unknown(),
    value: z.unknown(),
    hidden: z.boolean(),
    advanced: z.boolean(),
    group: z.string(),
  })
  .refine(
    (s) =>
      s.type === 'bool'
        ? typeof s.value === 'boolean'
        : s.type === 'text'
          ? typeof s.value === 'string'
          : typeof s.value === 'number',
    { message: 'Setting value does not match its type' },
  );
const metadata = z.looseObject({
  ratingKey: z.string().regex(/^\d+$/),
  key: z.string().startsWith('/library/metadata/'),
  guid: z.string(),
  type: z.enum(['movie', 'show', 'season', 'episode']),
  title: z.string(),
  year: int.optional(),
  addedAt: int,
  updatedAt: int,
  librarySectionID: int,
  Guid: z.array(z.strictObject({ id: z.string().regex(/^(imdb|tmdb|tvdb):\/\/.+/) })).optional(),
  Media: z
    .array(
      z.looseObject({
        id: int,
        Part: z.array(z.looseObject({ id: int, file: z.string().startsWith('/'), size: int, container: z.string() })),
      }),
    )
    .optional(),
});

/** Route template → schema of a 200 JSON reply. */
export const PLEX_CONTRACT: Readonly<Record<string, z.ZodType>> = {
  '/identity': container({
    claimed: z.boolean(),
    machineIdentifier: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+\.\d+-[0-9a-f]+$/),
  }),
  '/library/sections': container({ allowSync: z.boolean(), title1: z.string(), Directory: z.array(directory) }),
  '/:/prefs': container({ Setting: z.array(setting) }),
  '/library/sections/{key}/all': container({
    totalSize: int,
    librarySectionID: int,
    Metadata: z.array(metadata).optional(),
  }),
  '/library/metadata/{key}': container({ Metadata: z.array(metadata) }),
  '/hubs/search': container({
    Hub: z.array(
      z.looseObject({
        type: z.string(),
        hubIdentifier: z.string(),
        title: z.string(),
        size: int,
        Metadata: z.array(metadata).optional(),
      }),
    ),
  }),
  '/status/sessions': container({
    Metadata: z.array(z.looseObject({ sessionKey: z.string(), title: z.string() })).optional(),
  }),
};

/** Violations of a reply against the contract (empty = valid or not a JSON route). */
export function checkPlexReply(template: string, status: number, body: unknown): string[] {
  const schema = PLEX_CONTRACT[template];
  if (schema === undefined || status !== 200 || body === undefined) return [];
  const parsed = schema.safeParse(body);
  return parsed.success
    ? []
    : parsed.error.issues.slice(0, 5).map((i) => `GET ${template}: ${i.path.join('.')} ${i.message}`);
}
