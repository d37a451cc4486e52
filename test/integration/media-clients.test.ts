import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { fieldValue } from '../../src/media/arr-schemas.js';
import { createGluetunClient, type GluetunClient } from '../../src/media/gluetun-client.js';
import { createPlexClient, type PlexClient } from '../../src/media/plex-client.js';
import { createProwlarrClient, type ProwlarrClient } from '../../src/media/prowlarr-client.js';
import { createRadarrClient, type RadarrClient } from '../../src/media/radarr-client.js';
import { createSonarrClient, type SonarrClient } from '../../src/media/sonarr-client.js';
import { startSonarrEmulator, type SonarrEmulator } from '../emulators/sonarr/sonarr-emulator.js';
import { startGluetunEmulator, type GluetunEmulator } from '../emulators/gluetun/gluetun-emulator.js';
import { startPlexEmulator, type PlexEmulator } from '../emulators/plex/plex-emulator.js';
import { startProwlarrEmulator, type ProwlarrEmulator } from '../emulators/prowlarr/prowlarr-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../emulators/radarr/radarr-emulator.js';

/** The ExternalError code a call fails with ('no-error' when it succeeds). */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExternalError) return error.code;
    throw error;
  }
  return 'no-error';
}

/** Error classes every client must report the same way; `call` is one cheap authenticated call. */
interface ErrorCase {
  readonly emu: { url: string; down(): Promise<void>; up(): Promise<void>; hang(on: boolean): void; override(m: string, p: string, r: { status: number; text?: string; body?: unknown } | undefined): void };
  readonly path: string;
  readonly call: (client: 'ok' | 'wrong-key' | 'short-timeout' | 'tls') => Promise<unknown>;
  /** A JSON body of the wrong shape for `path`. */
  readonly wrongShape: unknown;
}

async function expectErrorClasses(c: ErrorCase): Promise<void> {
  expect(await codeOf(c.call('ok'))).toBe('no-error');
  expect(await codeOf(c.call('wrong-key'))).toBe('unauthorized');
  c.emu.hang(true);
  expect(await codeOf(c.call('short-timeout'))).toBe('timeout');
  c.emu.hang(false);
  expect(await codeOf(c.call('tls'))).toBe('tls');
  c.emu.override('GET', c.path, { status: 200, text: '<html>not json</html>' });
  expect(await codeOf(c.call('ok'))).toBe('bad-response');
  c.emu.override('GET', c.path, { status: 200, body: c.wrongShape });
  expect(await codeOf(c.call('ok'))).toBe('bad-response');
  c.emu.override('GET', c.path, { status: 503, body: { message: 'Database is locked' } });
  const error = await failureOf(c.call('ok'));
  expect(error).toBeInstanceOf(ExternalError);
  expect(error.code).toBe('http-error');
  expect(error.message).toContain('Database is locked');
  c.emu.override('GET', c.path, undefined);
  await c.emu.down();
  expect(await codeOf(c.call('ok'))).toBe('refused');
  await c.emu.up();
  expect(await codeOf(c.call('ok'))).toBe('no-error');
}

/** The ExternalError a call fails with (anything else fails the test). */
async function failureOf(promise: Promise<unknown>): Promise<ExternalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExternalError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const tlsUrl = (url: string) => url.replace('http://', 'https://');

describe('Radarr client against the Radarr emulator', () => {
  let emu: RadarrEmulator;
  let radarr: RadarrClient;
  beforeAll(async () => {
    emu = await startRadarrEmulator({ prowlarrUrl: 'http://prowlarr:9696', qbittorrent: { host: 'gluetun', port: 8080 } });
    radarr = createRadarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 3000 });
  });
  afterEach(() => { expect(emu.violations).toEqual([]); });
  afterAll(async () => { await emu.close(); });

  it('reads status, health, indexers, download clients, folders, profiles and mappings', async () => {
    emu.seedRemotePathMapping({ host: 'gluetun', remotePath: '/downloads/', localPath: '/data/downloads/' });
    emu.setHealth([{ source: 'IndexerSearchCheck', type: 'warning', message: 'No indexers available with Automatic Search enabled' }]);
    expect(await radarr.ping()).toBe(true);
    expect(await radarr.status()).toMatchObject({ appName: 'Radarr', version: '5.26.2.10099' });
    expect((await radarr.health()).map((h) => [h.source, h.type])).toEqual([['IndexerSearchCheck', 'warning']]);
    const [indexer] = await radarr.indexers();
    expect(indexer?.name).toBe('EmuTracker (Prowlarr)');
    expect(indexer === undefined ? undefined : fieldValue(indexer, 'baseUrl')).toBe('http://prowlarr:9696/1/');
    const [client] = await radarr.downloadClients();
    expect(client === undefined ? [] : [client.implementation, fieldValue(client, 'host'), fieldValue(client, 'port'), fieldValue(client, 'movieCategory')])
      .toEqual(['QBittorrent', 'gluetun', 8080, 'radarr']);
    expect((await radarr.rootFolders()).map((r) => r.path)).toEqual(['/data/media/movies']);
    expect((await radarr.qualityProfiles()).map((p) => p.name)).toEqual(['Any', 'HD-1080p']);
    expect(await radarr.remotePathMappings()).toMatchObject([{ host: 'gluetun', remotePath: '/downloads/', localPath: '/data/downloads/' }]);
    emu.setHealth([]);
  });

  it('reports provider tests as values: ok, failed with the message, testall per id', async () => {
    const [indexer] = await radarr.indexers();
    if (indexer === undefined) throw new Error('seeded indexer missing');
    expect(await radarr.testIndexer(indexer)).toEqual({ ok: true });
    emu.failIndexerTest(indexer.id, 'Unable to connect to indexer, check the log');
    const failed = await radarr.testIndexer(indexer);
    expect(failed.ok).toBe(false);
    expect(failed.ok ? '' : failed.failures[0]?.errorMessage).toContain('Unable to connect');
    expect(await radarr.testAllIndexers()).toMatchObject([{ id: indexer.id, isValid: false }]);
    emu.failIndexerTest(indexer.id, undefined);
    const [client] = await radarr.downloadClients();
    emu.failDownloadClientTest(client?.id ?? 0, 'Unable to connect to qBittorrent');
    expect((await radarr.testAllDownloadClients())[0]?.isValid).toBe(false);
    emu.failDownloadClientTest(client?.id ?? 0, undefined);
    expect(client === undefined ? undefined : await radarr.testDownloadClient(client)).toEqual({ ok: true });
  });

  it('looks up, adds, searches and follows a movie to an imported file', async () => {
    emu.onGrab(() => Promise.resolve({ outputPath: '/downloads/movies/Amelie.2001.1080p.BluRay.x264-EMU' }));
    const [hit] = await radarr.lookup('Amélie');
    expect(hit).toMatchObject({ tmdbId: 194, id: 0 });
    const movie = await radarr.addMovie({ tmdbId: 194, title: 'Amélie', year: 2001, qualityProfileId: 2, rootFolderPath: '/data/media/movies' });
    expect(movie).toMatchObject({ monitored: true, hasFile: false, path: '/data/media/movies/Amélie (2001)' });
    expect((await radarr.movies(194)).map((m) => m.id)).toEqual([movie.id]);
    const command = await radarr.command('MoviesSearch', { movieIds: [movie.id ?? 0] });
    let status = command.status;
    for (let i = 0; i < 100 && status !== 'completed' && status !== 'failed'; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await radarr.getCommand(command.id)).status;
    }
    expect(status).toBe('completed');
    const queue = await radarr.queue({ filter: { movieIds: [movie.id ?? 0], includeMovie: true } });
    expect(queue.records[0]).toMatchObject({ movieId: movie.id, status: 'downloading', trackedDownloadState: 'downloading' });
    expect(queue.records[0]?.downloadId).toMatch(/^[0-9A-F]{40}$/);
    emu.importFile(movie.id ?? 0, '/data/media/movies/Amélie (2001)/Amelie.2001.mkv');
    expect(await radarr.movie(movie.id ?? 0)).toMatchObject({ hasFile: true, movieFile: { path: '/data/media/movies/Amélie (2001)/Amelie.2001.mkv' } });
    const history = await radarr.history({ filter: { movieIds: [movie.id ?? 0], eventType: 3 } });
    expect(history.records.map((h) => h.eventType)).toEqual(['downloadFolderImported']);
    emu.onGrab(undefined);
  });

  it('turns a validation failure into http-error with the server message', async () => {
    const error = await failureOf(radarr.addMovie({ tmdbId: 424, title: 'x', qualityProfileId: 2, rootFolderPath: '/nowhere' }));
    expect(error.code).toBe('http-error');
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const clients = {
      ok: radarr,
      'wrong-key': createRadarrClient({ url: emu.url, apiKey: 'not-the-key', timeoutMs: 3000 }),
      'short-timeout': createRadarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 200 }),
      tls: createRadarrClient({ url: tlsUrl(emu.url), apiKey: emu.apiKey, timeoutMs: 3000 }),
    };
    await expectErrorClasses({ emu, path: '/api/v3/system/status', call: (k) => clients[k].status(), wrongShape: { appName: 'Radarr' } });
  });

  it('never puts the API key into an error message or its context', async () => {
    const error = await failureOf(createRadarrClient({ url: emu.url, apiKey: 'secret-key-abc123', timeoutMs: 3000 }).status());
    expect(error.code).toBe('unauthorized');
    expect(JSON.stringify({ m: error.message, c: error.context })).not.toContain('secret-key-abc123');
  });
});

describe('Prowlarr client against the Prowlarr emulator', () => {
  let emu: ProwlarrEmulator;
  let prowlarr: ProwlarrClient;
  beforeAll(async () => {
    emu = await startProwlarrEmulator({ prowlarrUrl: 'http://prowlarr:9696', radarrUrl: 'http://radarr:7878', sonarrUrl: 'http://sonarr:8989' });
    prowlarr = createProwlarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 3000 });
  });
  afterEach(() => { expect(emu.violations).toEqual([]); });
  afterAll(async () => { await emu.close(); });

  it('reads applications with the URLs both ways, indexers and status', async () => {
    expect((await prowlarr.status()).appName).toBe('Prowlarr');
    const apps = await prowlarr.applications();
    expect(apps.map((a) => [a.implementation, fieldValue(a, 'prowlarrUrl'), fieldValue(a, 'baseUrl')])).toEqual([
      ['Radarr', 'http://prowlarr:9696', 'http://radarr:7878'], ['Sonarr', 'http://prowlarr:9696', 'http://sonarr:8989'],
    ]);
    const [indexer] = await prowlarr.indexers();
    expect(indexer).toMatchObject({ name: 'EmuTracker', enable: true });
    expect(indexer === undefined ? undefined : await prowlarr.testIndexer(indexer)).toEqual({ ok: true });
    expect(await prowlarr.testAllIndexers()).toMatchObject([{ isValid: true }]);
  });

  it('searches with an encoded query and sends id lists as repeated keys', async () => {
    const [indexer] = await prowlarr.indexers();
    const hits = await prowlarr.search({ query: "Schindler's List", indexerIds: [indexer?.id ?? 0], categories: [2000], limit: 5 });
    expect(hits.map((h) => h.title)).toEqual(['Schindler.s.List.1993.1080p.BluRay.x264-EMU']);
    const raw = emu.log.at(-1)?.rawUrl ?? '';
    expect(raw).toContain('query=Schindler%27s%20List');
    expect(raw).toContain(`indexerIds=${indexer?.id ?? 0}`);
  });

  it('an indexer failure during search is an http-error carrying the message', async () => {
    const [indexer] = await prowlarr.indexers();
    emu.failSearch(indexer?.id ?? 0, 'Indexer EmuTracker is unavailable');
    const error = await failureOf(prowlarr.search({ query: 'matrix' }));
    expect([error.code, error.message.includes('EmuTracker is unavailable')]).toEqual(['http-error', true]);
    emu.failSearch(indexer?.id ?? 0, undefined);
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, apiKey: string, timeoutMs: number) => createProwlarrClient({ url, apiKey, timeoutMs });
    const clients = {
      ok: prowlarr, 'wrong-key': make(emu.url, 'wrong', 3000), 'short-timeout': make(emu.url, emu.apiKey, 200), tls: make(tlsUrl(emu.url), emu.apiKey, 3000),
    };
    await expectErrorClasses({ emu, path: '/api/v1/applications', call: (k) => clients[k].applications(), wrongShape: [{ id: 'one' }] });
  });
});

describe('Sonarr client against the Sonarr emulator', () => {
  let emu: SonarrEmulator;
  let sonarr: SonarrClient;
  beforeAll(async () => {
    emu = await startSonarrEmulator({ prowlarrUrl: 'http://prowlarr:9696', qbittorrent: { host: 'gluetun', port: 8080 } });
    sonarr = createSonarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 3000 });
  });
  afterEach(() => { expect(emu.violations).toEqual([]); });
  afterAll(async () => { await emu.close(); });

  it('reads the Servarr settings the checks compare (tvCategory, root folder, synced indexer)', async () => {
    expect((await sonarr.status()).appName).toBe('Sonarr');
    const [client] = await sonarr.downloadClients();
    expect(client === undefined ? undefined : fieldValue(client, 'tvCategory')).toBe('tv-sonarr');
    expect((await sonarr.rootFolders()).map((r) => r.path)).toEqual(['/data/media/tv']);
    expect((await sonarr.indexers()).map((i) => i.name)).toEqual(['EmuTracker (Prowlarr)']);
    emu.failDownloadClientTest(client?.id ?? 0, 'Unable to connect to qBittorrent');
    const tested = client === undefined ? undefined : await sonarr.testDownloadClient(client);
    expect(tested).toEqual({ ok: false, failures: [expect.objectContaining({ errorMessage: 'Unable to connect to qBittorrent' })] });
    emu.failDownloadClientTest(client?.id ?? 0, undefined);
  });

  it('looks up, adds a series with chosen seasons, lists episodes and searches', async () => {
    const [hit] = await sonarr.lookup('tvdb:81189');
    expect(hit).toMatchObject({ title: 'Breaking Bad', tvdbId: 81189 });
    const added = await sonarr.addSeries({ tvdbId: 81189, title: 'Breaking Bad', qualityProfileId: 2, rootFolderPath: '/data/media/tv', seasons: [{ seasonNumber: 2, monitored: true }] });
    expect(added.seasons.filter((x) => x.monitored === true).map((x) => x.seasonNumber)).toEqual([2]);
    expect((await sonarr.series(81189)).map((x) => x.id)).toEqual([added.id]);
    emu.importEpisode(added.id ?? 0, 2, 3);
    const episodes = await sonarr.episodes(added.id ?? 0);
    expect(episodes.filter((e) => e.hasFile === true).map((e) => `${e.seasonNumber}x${e.episodeNumber}`)).toEqual(['2x3']);
    expect((await sonarr.seriesById(added.id ?? 0)).statistics?.episodeFileCount).toBe(1);
    expect((await sonarr.command('SeriesSearch', { seriesId: added.id })).name).toBe('SeriesSearch');
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, apiKey: string, timeoutMs: number) => createSonarrClient({ url, apiKey, timeoutMs });
    const clients = {
      ok: sonarr, 'wrong-key': make(emu.url, 'wrong', 3000), 'short-timeout': make(emu.url, emu.apiKey, 200), tls: make(tlsUrl(emu.url), emu.apiKey, 3000),
    };
    await expectErrorClasses({ emu, path: '/api/v3/rootfolder', call: (k) => clients[k].rootFolders(), wrongShape: [{ id: 1 }] });
  });
});

describe('Plex client against the Plex emulator', () => {
  let emu: PlexEmulator;
  let plex: PlexClient;
  beforeAll(async () => {
    emu = await startPlexEmulator();
    plex = createPlexClient({ url: emu.url, token: emu.token, timeoutMs: 3000 });
  });
  afterEach(() => { expect(emu.violations).toEqual([]); });
  afterAll(async () => { await emu.close(); });

  it('reads identity, sections with their folders and the auto-scan switches', async () => {
    expect(await plex.identity()).toEqual({ machineIdentifier: emu.state.machineIdentifier, version: '1.41.3.9314-a0bfb8370', claimed: true });
    expect((await plex.sections()).map((x) => [x.key, x.type, x.locations])).toEqual([['1', 'movie', ['/data/media/movies']], ['2', 'show', ['/data/media/tv']]]);
    expect(await plex.autoScan()).toEqual({ automatic: true, partial: true, scheduled: false, intervalSeconds: 3600 });
    emu.setPref('FSEventLibraryUpdatesEnabled', false);
    expect((await plex.autoScan()).automatic).toBe(false);
    emu.setPref('FSEventLibraryUpdatesEnabled', true);
    expect(await plex.sessionCount()).toBe(0);
  });

  it('scans a folder, finds the added movie by tmdb Guid and by search', async () => {
    emu.onRefresh((key, path) => {
      if (path !== undefined) emu.addItem(key, { title: 'The Matrix', year: 1999, file: `${path}/The.Matrix.1999.mkv`, tmdbId: 603 });
    });
    expect(await plex.sectionItems('1', { type: 1 })).toEqual([]);
    await plex.refreshSection('1', '/data/media/movies/The Matrix (1999)');
    expect(emu.state.refreshes.at(-1)).toEqual({ sectionKey: '1', path: '/data/media/movies/The Matrix (1999)' });
    const [item] = await plex.sectionItems('1', { type: 1 });
    expect(item).toMatchObject({ title: 'The Matrix', year: 1999, guids: ['tmdb://603'], files: ['/data/media/movies/The Matrix (1999)/The.Matrix.1999.mkv'] });
    expect((await plex.search('matrix')).map((i) => i.ratingKey)).toEqual([item?.ratingKey]);
    emu.onRefresh(undefined);
  });

  it('sends the token as a header only, and Accept: application/json', async () => {
    await plex.identity();
    const call = emu.log.at(-1);
    expect(call?.headers['x-plex-token']).toBe(emu.token);
    expect(call?.headers.accept).toContain('application/json');
    expect(call?.rawUrl).toBe('/identity');
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, token: string, timeoutMs: number) => createPlexClient({ url, token, timeoutMs });
    const clients = {
      ok: plex, 'wrong-key': make(emu.url, 'wrong', 3000), 'short-timeout': make(emu.url, emu.token, 200), tls: make(tlsUrl(emu.url), emu.token, 3000),
    };
    await expectErrorClasses({ emu, path: '/library/sections', call: (k) => clients[k].sections(), wrongShape: { MediaContainer: { Directory: [{ key: '1' }] } } });
  });
});

describe('Gluetun client against the Gluetun emulator', () => {
  let emu: GluetunEmulator;
  let gluetun: GluetunClient;
  beforeAll(async () => {
    emu = await startGluetunEmulator();
    gluetun = createGluetunClient({ url: emu.url, apiKey: emu.apiKey ?? undefined, timeoutMs: 3000 });
  });
  afterEach(() => { expect(emu.violations).toEqual([]); });
  afterAll(async () => { await emu.close(); });

  it('reads the public IP, VPN status (WireGuard-safe), forwarded ports and version', async () => {
    expect(await gluetun.publicIp()).toEqual({ ip: '198.51.100.23', country: 'Netherlands', city: 'Rotterdam', organization: 'AS64500 Emulated VPN' });
    expect(await gluetun.vpnStatus()).toBe('running');
    expect(await gluetun.forwardedPorts()).toEqual([]);
    emu.setForwardedPorts([40000, 40001]);
    expect(await gluetun.forwardedPorts()).toEqual([40000, 40001]);
    expect(await gluetun.version()).toBe('v3.41.1');
    emu.setPublicIp('');
    emu.setVpnStatus('starting');
    expect([(await gluetun.publicIp()).ip, await gluetun.vpnStatus()]).toEqual(['', 'starting']);
    emu.setPublicIp('198.51.100.23');
    emu.setVpnStatus('running');
  });

  it('works without a key against an open control server, and says unauthorized when one is needed', async () => {
    const open = await startGluetunEmulator({ apiKey: null });
    expect(await createGluetunClient({ url: open.url, timeoutMs: 3000 }).vpnStatus()).toBe('running');
    await open.close();
    expect(await codeOf(createGluetunClient({ url: emu.url, timeoutMs: 3000 }).vpnStatus())).toBe('unauthorized');
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, apiKey: string, timeoutMs: number) => createGluetunClient({ url, apiKey, timeoutMs });
    const key = emu.apiKey ?? '';
    const clients = { ok: gluetun, 'wrong-key': make(emu.url, 'wrong', 3000), 'short-timeout': make(emu.url, key, 200), tls: make(tlsUrl(emu.url), key, 3000) };
    await expectErrorClasses({ emu, path: '/v1/publicip/ip', call: (k) => clients[k].publicIp(), wrongShape: { ip: '1.2.3.4' } });
  });
});
