import { z } from 'zod';
import { callOverseerr, type OverseerrHttpOptions } from './overseerr-http.js';
import { expectOk } from './overseerr-reply.js';

const mainSchema = z.looseObject({ partialRequestsEnabled: z.boolean().optional() });
const serversSchema = z.array(z.looseObject({ is4k: z.boolean().optional() }));

/** What shapes the request UI: season picking and whether a 4K option makes sense. */
export interface RequestSettings {
  readonly partialRequestsEnabled: boolean;
  readonly movie4k: boolean;
  readonly series4k: boolean;
}

/** Reads `/settings/main`, `/settings/radarr`, `/settings/sonarr` (admin-only: never sent with `X-Api-User`). */
export async function readRequestSettings(
  options: OverseerrHttpOptions,
  signal?: AbortSignal,
): Promise<RequestSettings> {
  const get = (path: string) =>
    callOverseerr(options, { method: 'GET', path, ...(signal === undefined ? {} : { signal }) });
  const [main, radarr, sonarr] = await Promise.all([
    get('/settings/main'),
    get('/settings/radarr'),
    get('/settings/sonarr'),
  ]);
  return {
    // Overseerr's default is false when the field is missing.
    partialRequestsEnabled: expectOk(main, mainSchema, 'main settings').partialRequestsEnabled ?? false,
    movie4k: expectOk(radarr, serversSchema, 'Radarr settings').some((s) => s.is4k === true),
    series4k: expectOk(sonarr, serversSchema, 'Sonarr settings').some((s) => s.is4k === true),
  };
}
