/**
 * All media emulators started together and wired like a healthy stack, for health-check tests:
 * Prowlarr's applications point at the Radarr/Sonarr emulators (`baseUrl`) and back at Prowlarr
 * (`prowlarrUrl`); Radarr's and Sonarr's `EmuTracker (Prowlarr)` indexer has `baseUrl =
 * <prowlarr>/<prowlarr indexer id>/`; both download clients point at `qbittorrent` (default
 * `gluetun:8080`); Radarr root `/data/media/movies` and Sonarr root `/data/media/tv` equal the
 * Plex section folders; Plex auto-scan is on; Gluetun is `running` with public IP 198.51.100.23.
 * Break one thing afterwards with each emulator's seed/fault API (see their main files).
 * `media` has the `media:` config block values (URLs and keys) for these emulators.
 */
import { startGluetunEmulator, type GluetunEmulator } from '../gluetun/gluetun-emulator.js';
import { startPlexEmulator, type PlexEmulator } from '../plex/plex-emulator.js';
import { startProwlarrEmulator, type ProwlarrEmulator } from '../prowlarr/prowlarr-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../radarr/radarr-emulator.js';
import { startSonarrEmulator, type SonarrEmulator } from '../sonarr/sonarr-emulator.js';

export interface MediaEmulators {
  readonly radarr: RadarrEmulator;
  readonly sonarr: SonarrEmulator;
  readonly prowlarr: ProwlarrEmulator;
  readonly plex: PlexEmulator;
  readonly gluetun: GluetunEmulator;
  /** The matching `media:` config values (Overseerr and qBittorrent are not part of this set). */
  readonly media: {
    readonly radarr: { readonly url: string; readonly apiKey: string };
    readonly sonarr: { readonly url: string; readonly apiKey: string };
    readonly prowlarr: { readonly url: string; readonly apiKey: string };
    readonly plex: { readonly url: string; readonly token: string };
    readonly gluetun: { readonly url: string; readonly apiKey: string };
  };
  close(): Promise<void>;
}

export async function startMediaEmulators(
  options: { readonly qbittorrent?: { readonly host: string; readonly port: number } } = {},
): Promise<MediaEmulators> {
  const qbittorrent = options.qbittorrent ?? { host: 'gluetun', port: 8080 };
  const [radarr, sonarr, plex, gluetun] = await Promise.all([
    startRadarrEmulator({ qbittorrent }),
    startSonarrEmulator({ qbittorrent }),
    startPlexEmulator(),
    startGluetunEmulator(),
  ]);
  const prowlarr = await startProwlarrEmulator({ radarrUrl: radarr.url, sonarrUrl: sonarr.url });
  for (const app of prowlarr.extra.applications) app.fields.prowlarrUrl = prowlarr.url;
  const trackerId = prowlarr.state.indexers[0]?.id ?? 1;
  for (const arr of [radarr, sonarr]) {
    for (const indexer of arr.state.indexers) indexer.fields.baseUrl = `${prowlarr.url}/${trackerId}/`;
  }
  return {
    radarr,
    sonarr,
    prowlarr,
    plex,
    gluetun,
    media: {
      radarr: { url: radarr.url, apiKey: radarr.apiKey },
      sonarr: { url: sonarr.url, apiKey: sonarr.apiKey },
      prowlarr: { url: prowlarr.url, apiKey: prowlarr.apiKey },
      plex: { url: plex.url, token: plex.token },
      gluetun: { url: gluetun.url, apiKey: gluetun.apiKey ?? '' },
    },
    close: async () => {
      await Promise.all([radarr, sonarr, prowlarr, plex, gluetun].map((e) => e.close()));
    },
  };
}
