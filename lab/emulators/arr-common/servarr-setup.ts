import { arrSeeding, seedArrDefaults, type ArrSeeding } from './arr-seeding.js';
import { createArrState, type ArrState } from './arr-state.js';

/** Options every Servarr emulator (Radarr, Sonarr) takes. */
export interface ServarrOptions {
  readonly apiKey?: string;
  /** Serve under a URL base (reverse proxy), e.g. `/radarr`. */
  readonly urlBase?: string;
  /** Where the default synced indexer points (default `http://prowlarr:9696`). */
  readonly prowlarrUrl?: string;
  /** The default download client (default `gluetun:8080`, the app's default category). */
  readonly qbittorrent?: { readonly host: string; readonly port: number; readonly category?: string };
  readonly rootFolder?: string;
  /** Start with no profiles, folders, clients or indexers. */
  readonly empty?: boolean;
}

/** What differs between the apps: name, version, download-client category field and defaults. */
export interface ServarrApp {
  readonly appName: ArrState['appName'];
  readonly version: string;
  readonly categoryField: 'movieCategory' | 'tvCategory';
  readonly apiKey: string;
  readonly rootFolder: string;
  readonly category: string;
}

/** The state, seed API and API key of a Servarr emulator, with the default seed unless `empty`. */
export function setUpServarr(
  app: ServarrApp,
  options: ServarrOptions,
): { state: ArrState; seeding: ArrSeeding; apiKey: string } {
  const state = createArrState(app.appName, app.version);
  state.urlBase = options.urlBase ?? '';
  const seeding = arrSeeding(state, app.categoryField);
  if (options.empty !== true) {
    const qb = options.qbittorrent ?? { host: 'gluetun', port: 8080 };
    seedArrDefaults(seeding, {
      rootFolder: options.rootFolder ?? app.rootFolder,
      qbittorrent: { host: qb.host, port: qb.port, category: qb.category ?? app.category },
      prowlarrUrl: options.prowlarrUrl ?? 'http://prowlarr:9696',
    });
  }
  return { state, seeding, apiKey: options.apiKey ?? app.apiKey };
}
