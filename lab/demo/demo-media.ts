import { startGluetunEmulator } from '../emulators/gluetun/gluetun-emulator.js';
import { startMediaLab, type PlexMediaLab } from '../emulators/media-lab/media-lab.js';
import { startOverseerrEmulator } from '../emulators/overseerr/overseerr-emulator.js';
import { startPlexEmulator } from '../emulators/plex/plex-emulator.js';
import { startProwlarrEmulator } from '../emulators/prowlarr/prowlarr-emulator.js';
import { startRadarrEmulator } from '../emulators/radarr/radarr-emulator.js';
import { startSonarrEmulator } from '../emulators/sonarr/sonarr-emulator.js';

/** The `media:` and `e2e:` values of the demo config (secrets separately, for the `.env`). */
export interface DemoMediaConfig {
  readonly urls: Readonly<Record<'overseerr' | 'radarr' | 'sonarr' | 'prowlarr' | 'plex' | 'gluetun', string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly qbittorrent?: { readonly url: string; readonly username: string };
  /** Radarr's root folder, which `/e2e` expects the test movie in. */
  readonly rootFolder: string;
}

export interface DemoMedia {
  readonly config: DemoMediaConfig;
  close(): Promise<void>;
}

/** The API keys the lab's *arr containers have in their host `.env` (fixture-stacks-media01.ts). */
const containerKey = (app: 'radarr' | 'sonarr' | 'prowlarr'): string => `lab-secret-${app}-apikey-3c9f`;

/** Overseerr, Radarr and Plex: wired to a real qBittorrent (the media lab) when there is one, else plain emulators. */
async function startCore(stateDir: string, withQbittorrent: boolean) {
  if (withQbittorrent) {
    const lab: PlexMediaLab = await startMediaLab({ stateDir, radarrApiKey: containerKey('radarr') });
    return { ...lab, qbittorrent: lab.qbittorrent, close: () => lab.close() };
  }
  const rootFolder = '/data/media/movies';
  const [overseerr, radarr, plex] = await Promise.all([
    startOverseerrEmulator(),
    startRadarrEmulator({ rootFolder, apiKey: containerKey('radarr') }),
    startPlexEmulator(),
  ]);
  return {
    overseerr,
    radarr,
    plex,
    rootFolder,
    qbittorrent: undefined,
    close: async () => {
      await Promise.all([overseerr.close(), radarr.close(), plex.close()]);
    },
  };
}

/**
 * The media services of the demo, wired like a healthy stack: Overseerr → Radarr (→ the real
 * qBittorrent, whose finished download Radarr imports and Plex lists: `/e2e` passes), Sonarr,
 * Prowlarr syncing both *arrs, and Gluetun's control server.
 */
export async function startDemoMedia(stateDir: string, withQbittorrent: boolean): Promise<DemoMedia> {
  const core = await startCore(stateDir, withQbittorrent);
  const [sonarr, gluetun] = await Promise.all([
    startSonarrEmulator({ apiKey: containerKey('sonarr') }),
    startGluetunEmulator(),
  ]);
  const prowlarr = await startProwlarrEmulator({
    radarrUrl: core.radarr.url,
    sonarrUrl: sonarr.url,
    apiKey: containerKey('prowlarr'),
  });
  for (const app of prowlarr.extra.applications) app.fields.prowlarrUrl = prowlarr.url;
  const trackerId = prowlarr.state.indexers[0]?.id ?? 1;
  for (const arr of [core.radarr, sonarr]) {
    for (const indexer of arr.state.indexers) indexer.fields.baseUrl = `${prowlarr.url}/${trackerId}/`;
  }
  // Sonarr's root folder as the Plex container sees it (MEDIA_ROOT is mounted at /data in both).
  const tvFolder = sonarr.state.rootFolders[0]?.path ?? '/data/media/tv';
  if (!core.plex.state.sections.some((s) => s.type === 'show'))
    core.plex.addSection({ title: 'TV Shows', type: 'show', locations: [tvFolder] });
  // Overseerr's Settings → Services point at the emulators, with their root folders.
  const arrEntry = (arr: { url: string; apiKey: string }, folder: string) => ({
    hostname: '127.0.0.1',
    port: Number(new URL(arr.url).port),
    apiKey: arr.apiKey,
    activeDirectory: folder,
  });
  core.overseerr.setArrServer('radarr', arrEntry(core.radarr, core.rootFolder));
  core.overseerr.setArrServer('sonarr', arrEntry(sonarr, tvFolder));
  const config: DemoMediaConfig = {
    urls: {
      overseerr: core.overseerr.url,
      radarr: core.radarr.url,
      sonarr: sonarr.url,
      prowlarr: prowlarr.url,
      plex: core.plex.url,
      gluetun: gluetun.url,
    },
    secrets: {
      OVERSEERR_API_KEY: core.overseerr.apiKey,
      RADARR_API_KEY: core.radarr.apiKey,
      SONARR_API_KEY: sonarr.apiKey,
      PROWLARR_API_KEY: prowlarr.apiKey,
      PLEX_TOKEN: core.plex.token,
      GLUETUN_API_KEY: gluetun.apiKey ?? '',
      ...(core.qbittorrent === undefined ? {} : { QBITTORRENT_PASSWORD: core.qbittorrent.password }),
    },
    ...(core.qbittorrent === undefined
      ? {}
      : { qbittorrent: { url: core.qbittorrent.url, username: core.qbittorrent.username } }),
    rootFolder: core.rootFolder,
  };
  return {
    config,
    close: async () => {
      await Promise.all([core.close(), sonarr.close(), prowlarr.close(), gluetun.close()]);
    },
  };
}
