/**
 * Jellyseerr (Overseerr's fork for Jellyfin) emulator: the Overseerr emulator in its `jellyseerr`
 * flavour, its replies validated against `../shared/contracts/jellyseerr-api.yml`, plus Settings →
 * Jellyfin (`/settings/jellyfin`, `/settings/jellyfin/library`, `/settings/jellyfin/users`, which
 * really dials the linked Jellyfin). The request, search, user and notification routes are the
 * Overseerr ones (same paths, `X-Api-Key` + `X-Api-User`); see ../overseerr/README.md.
 */
import type { JellyfinEmulator } from '../jellyfin/jellyfin-emulator.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../overseerr/overseerr-emulator.js';

export interface JellyseerrEmulator extends OverseerrEmulator {
  /** Points Settings → Jellyfin at a Jellyfin (URL, API key, server id), optionally with its libraries enabled. */
  linkJellyfin(patch: { hostname?: string; apiKey?: string; serverId?: string }): void;
  /** Settings → Jellyfin libraries (what "Sync Libraries" + the enabled toggles leave). */
  setJellyfinLibraries(libraries: readonly { id: string; name: string; enabled: boolean }[]): void;
}

/** Starts Jellyseerr; with `jellyfin`, Settings → Jellyfin points at it with every movie/show library enabled. */
export async function startJellyseerrEmulator(
  options: { jellyfin?: JellyfinEmulator } = {},
): Promise<JellyseerrEmulator> {
  const emu = await startOverseerrEmulator({ flavor: 'jellyseerr' });
  const link = emu.state.jellyfin;
  const jellyseerr: JellyseerrEmulator = Object.assign(emu, {
    linkJellyfin: (patch: { hostname?: string; apiKey?: string; serverId?: string }) => {
      Object.assign(link, patch);
    },
    setJellyfinLibraries: (libraries: readonly { id: string; name: string; enabled: boolean }[]) => {
      link.libraries.splice(0, Infinity, ...libraries.map((l) => ({ ...l })));
    },
  });
  const jf = options.jellyfin;
  if (jf !== undefined) {
    jellyseerr.linkJellyfin({ hostname: jf.url, apiKey: jf.apiKey, serverId: jf.state.serverId });
    jellyseerr.setJellyfinLibraries(jf.state.libraries.map((l) => ({ id: l.id, name: l.name, enabled: true })));
  }
  return jellyseerr;
}
