import { z } from 'zod';
import { arrFieldSchema } from './arr-schemas.js';

/** A Prowlarr application (Radarr/Sonarr it syncs to): read `prowlarrUrl`, `baseUrl` with `fieldValue`. */
export const prowlarrApplicationSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  implementation: z.string(),
  syncLevel: z.string().optional(),
  fields: z.array(arrFieldSchema).default([]),
});
export type ProwlarrApplication = z.infer<typeof prowlarrApplicationSchema>;

export const prowlarrIndexerSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  implementation: z.string().optional(),
  enable: z.boolean().optional(),
  protocol: z.string().optional(),
  privacy: z.string().optional(),
  fields: z.array(arrFieldSchema).default([]),
});
export type ProwlarrIndexer = z.infer<typeof prowlarrIndexerSchema>;

export const prowlarrReleaseSchema = z.looseObject({
  guid: z.string().optional(),
  indexerId: z.number().optional(),
  indexer: z.string().optional(),
  title: z.string(),
  size: z.number().optional(),
  seeders: z.number().optional(),
  protocol: z.string().optional(),
  infoHash: z.string().optional(),
  downloadUrl: z.string().optional(),
  magnetUrl: z.string().optional(),
});
export type ProwlarrRelease = z.infer<typeof prowlarrReleaseSchema>;
