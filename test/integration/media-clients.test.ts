import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fieldValue } from '../../src/media/arr-schemas.js';
import { createProwlarrClient, type ProwlarrClient } from '../../src/media/prowlarr-client.js';
import { createRadarrClient, type RadarrClient } from '../../src/media/radarr-client.js';
import { createSonarrClient, type SonarrClient } from '../../src/media/sonarr-client.js';
import { startProwlarrEmulator, type ProwlarrEmulator } from '../../lab/emulators/prowlarr/prowlarr-emulator.js';
import { startRadarrEmulator, type RadarrEmulator } from '../../lab/emulators/radarr/radarr-emulator.js';
import { startSonarrEmulator, type SonarrEmulator } from '../../lab/emulators/sonarr/sonarr-emulator.js';
import { expectErrorClasses, failureOf, tlsUrl } from './media-client-errors.js';

describe('Radarr client against the Radarr emulator', () => {
  let emu: RadarrEmulator;
  let radarr: RadarrClient;
  beforeAll(async () => {
    emu = await startRadarrEmulator({
      prowlarrUrl: 'http://prowlarr:9696',
      qbittorrent: { host: 'gluetun', port: 8080 },
    });
    radarr = createRadarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 3000 });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads status, health, indexers, download clients, folders, profiles and mappings', async () => {
    emu.seedRemotePathMapping({ host: 'gluetun', remotePath: '/downloads/', localPath: '/data/downloads/' });
    emu.setHealth([
      { source: 'IndexerSearchCheck', type: 'warning', message: 'No indexers available with Automatic Search enabled' },
    ]);
    expect(await radarr.ping()).toBe(true);
    expect(await radarr.status()).toMatchObject({ appName: 'Radarr', version: '5.26.2.10099' });
    expect((await radarr.health()).map((h) => [h.source, h.type])).toEqual([['IndexerSearchCheck', 'warning']]);
    const [indexer] = await radarr.indexers();
    expect(indexer?.name).toBe('EmuTracker (Prowlarr)');
    expect(indexer === undefined ? undefined : fieldValue(indexer, 'baseUrl')).toBe('http://prowlarr:9696/1/');
    const [client] = await radarr.downloadClients();
    expect(
      client === undefined
        ? []
        : [
            client.implementation,
            fieldValue(client, 'host'),
            fieldValue(client, 'port'),
            fieldValue(client, 'movieCategory'),
          ],
    ).toEqual(['QBittorrent', 'gluetun', 8080, 'radarr']);
    expect((await radarr.rootFolders()).map((r) => r.path)).toEqual(['/data/media/movies']);
    expect((await radarr.qualityProfiles()).map((p) => [p.id, p.name])).toContainEqual([4, 'HD-1080p']);
    expect(await radarr.remotePathMappings()).toMatchObject([
      { host: 'gluetun', remotePath: '/downloads/', localPath: '/data/downloads/' },
    ]);
    expect(await radarr.notifications()).toEqual([]);
    emu.seedPlexConnection({ host: 'plex', port: 32400 });
    const [connect] = await radarr.notifications();
    expect(
      connect === undefined
        ? []
        : [connect.implementation, connect.onDownload, fieldValue(connect, 'host'), fieldValue(connect, 'authToken')],
    ).toEqual(['PlexServer', true, 'plex', '********']);
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
    const movie = await radarr.addMovie({
      tmdbId: 194,
      title: 'Amélie',
      year: 2001,
      qualityProfileId: 4,
      rootFolderPath: '/data/media/movies',
    });
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
    expect(queue.records[0]).toMatchObject({
      movieId: movie.id,
      status: 'downloading',
      trackedDownloadState: 'downloading',
    });
    expect(queue.records[0]?.downloadId).toMatch(/^[0-9A-F]{40}$/);
    emu.importFile(movie.id ?? 0, '/data/media/movies/Amélie (2001)/Amelie.2001.mkv');
    expect(await radarr.movie(movie.id ?? 0)).toMatchObject({
      hasFile: true,
      movieFile: { path: '/data/media/movies/Amélie (2001)/Amelie.2001.mkv' },
    });
    const history = await radarr.history({ filter: { movieIds: [movie.id ?? 0], eventType: 3 } });
    expect(history.records.map((h) => h.eventType)).toEqual(['downloadFolderImported']);
    emu.onGrab(undefined);
  });

  it('turns a validation failure into http-error with the server message', async () => {
    const error = await failureOf(
      radarr.addMovie({ tmdbId: 424, title: 'x', qualityProfileId: 4, rootFolderPath: '/nowhere' }),
    );
    expect([error.code, error.message]).toEqual([
      'radarr-http-error',
      "Radarr failed on POST /api/v3/movie (HTTP 400). Root folder '/nowhere' does not exist",
    ]);
  });

  it('masks an API key a provider test failure echoes', async () => {
    const [indexer] = await radarr.indexers();
    emu.failIndexerTest(
      indexer?.id ?? 0,
      'Unable to connect to indexer: http://prowlarr:9696/1/api?t=caps&apikey=0123456789abcdef',
    );
    const result = indexer === undefined ? undefined : await radarr.testIndexer(indexer);
    expect(result?.ok === false ? result.failures[0]?.errorMessage : '').toBe(
      'Unable to connect to indexer: http://prowlarr:9696/1/api?t=caps&apikey=(removed)',
    );
    emu.failIndexerTest(indexer?.id ?? 0, undefined);
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const clients = {
      ok: radarr,
      'wrong-key': createRadarrClient({ url: emu.url, apiKey: 'not-the-key', timeoutMs: 3000 }),
      'short-timeout': createRadarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 200 }),
      tls: createRadarrClient({ url: tlsUrl(emu.url), apiKey: emu.apiKey, timeoutMs: 3000 }),
    };
    await expectErrorClasses({
      emu,
      path: '/api/v3/system/status',
      call: (k) => clients[k].status(),
      wrongShape: { appName: 'Radarr' },
    });
  });

  it('reports the caller cancelling as aborted, not as a timeout', async () => {
    emu.hang(true);
    const controller = new AbortController();
    const pending = failureOf(radarr.rootFolders(controller.signal));
    controller.abort();
    expect((await pending).code).toBe('radarr-aborted');
    emu.hang(false);
  });

  it('never puts the API key into an error message or its context', async () => {
    const error = await failureOf(
      createRadarrClient({ url: emu.url, apiKey: 'secret-key-abc123', timeoutMs: 3000 }).status(),
    );
    expect(error.code).toBe('radarr-unauthorized');
    expect(JSON.stringify({ m: error.message, c: error.context })).not.toContain('secret-key-abc123');
  });
});

describe('Prowlarr client against the Prowlarr emulator', () => {
  let emu: ProwlarrEmulator;
  let prowlarr: ProwlarrClient;
  beforeAll(async () => {
    emu = await startProwlarrEmulator({
      prowlarrUrl: 'http://prowlarr:9696',
      radarrUrl: 'http://radarr:7878',
      sonarrUrl: 'http://sonarr:8989',
    });
    prowlarr = createProwlarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 3000 });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads applications with the URLs both ways, indexers and status', async () => {
    expect((await prowlarr.status()).appName).toBe('Prowlarr');
    const apps = await prowlarr.applications();
    expect(apps.map((a) => [a.implementation, fieldValue(a, 'prowlarrUrl'), fieldValue(a, 'baseUrl')])).toEqual([
      ['Radarr', 'http://prowlarr:9696', 'http://radarr:7878'],
      ['Sonarr', 'http://prowlarr:9696', 'http://sonarr:8989'],
    ]);
    const [indexer] = await prowlarr.indexers();
    expect(indexer).toMatchObject({ name: 'EmuTracker', enable: true });
    expect(indexer === undefined ? undefined : await prowlarr.testIndexer(indexer)).toEqual({ ok: true });
    expect(await prowlarr.testAllIndexers()).toMatchObject([{ isValid: true }]);
  });

  it('searches with an encoded query and sends id lists as repeated keys', async () => {
    const [indexer] = await prowlarr.indexers();
    const hits = await prowlarr.search({
      query: "Schindler's List",
      indexerIds: [indexer?.id ?? 0],
      categories: [2000],
      limit: 5,
    });
    expect(hits.map((h) => h.title)).toEqual(['Schindler.s.List.1993.1080p.BluRay.x264-EMU']);
    const raw = emu.log.at(-1)?.rawUrl ?? '';
    expect(raw).toContain('query=Schindler%27s%20List');
    expect(raw).toContain(`indexerIds=${indexer?.id ?? 0}`);
  });

  it('an indexer failure during search is an http-error carrying the message', async () => {
    const [indexer] = await prowlarr.indexers();
    emu.failSearch(indexer?.id ?? 0, 'Indexer EmuTracker is unavailable');
    const error = await failureOf(prowlarr.search({ query: 'matrix' }));
    expect([error.code, error.message.includes('EmuTracker is unavailable')]).toEqual(['prowlarr-http-error', true]);
    emu.failSearch(indexer?.id ?? 0, undefined);
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, apiKey: string, timeoutMs: number) => createProwlarrClient({ url, apiKey, timeoutMs });
    const clients = {
      ok: prowlarr,
      'wrong-key': make(emu.url, 'wrong', 3000),
      'short-timeout': make(emu.url, emu.apiKey, 200),
      tls: make(tlsUrl(emu.url), emu.apiKey, 3000),
    };
    await expectErrorClasses({
      emu,
      path: '/api/v1/applications',
      call: (k) => clients[k].applications(),
      wrongShape: [{ id: 'one' }],
    });
  });
});

describe('Sonarr client against the Sonarr emulator', () => {
  let emu: SonarrEmulator;
  let sonarr: SonarrClient;
  beforeAll(async () => {
    emu = await startSonarrEmulator({
      prowlarrUrl: 'http://prowlarr:9696',
      qbittorrent: { host: 'gluetun', port: 8080 },
    });
    sonarr = createSonarrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 3000 });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads the Servarr settings the checks compare (tvCategory, root folder, synced indexer)', async () => {
    expect((await sonarr.status()).appName).toBe('Sonarr');
    const [client] = await sonarr.downloadClients();
    expect(client === undefined ? undefined : fieldValue(client, 'tvCategory')).toBe('tv-sonarr');
    expect((await sonarr.rootFolders()).map((r) => r.path)).toEqual(['/data/media/tv']);
    expect((await sonarr.indexers()).map((i) => i.name)).toEqual(['EmuTracker (Prowlarr)']);
    emu.failDownloadClientTest(client?.id ?? 0, 'Unable to connect to qBittorrent');
    const tested = client === undefined ? undefined : await sonarr.testDownloadClient(client);
    expect(tested).toEqual({
      ok: false,
      failures: [expect.objectContaining({ errorMessage: 'Unable to connect to qBittorrent' })],
    });
    emu.failDownloadClientTest(client?.id ?? 0, undefined);
  });

  it('works behind a URL base when the configured URL includes it', async () => {
    const proxied = await startSonarrEmulator({ urlBase: '/sonarr' });
    const make = (url: string) => createSonarrClient({ url, apiKey: proxied.apiKey, timeoutMs: 3000 });
    expect(await make(`${proxied.url}/sonarr/`).status()).toMatchObject({ appName: 'Sonarr', urlBase: '/sonarr' });
    expect(await make(`${proxied.url}/sonarr`).ping()).toBe(true);
    expect((await failureOf(make(proxied.url).status())).code).toBe('sonarr-http-error');
    expect(proxied.violations).toEqual([]);
    await proxied.close();
  });

  it('looks up, adds a series with chosen seasons, lists episodes and searches', async () => {
    const [hit] = await sonarr.lookup('tvdb:81189');
    expect(hit).toMatchObject({ title: 'Breaking Bad', tvdbId: 81189 });
    const added = await sonarr.addSeries({
      tvdbId: 81189,
      title: 'Breaking Bad',
      qualityProfileId: 4,
      rootFolderPath: '/data/media/tv',
      seasons: [{ seasonNumber: 2, monitored: true }],
    });
    expect(added.seasons.filter((x) => x.monitored === true).map((x) => x.seasonNumber)).toEqual([2]);
    expect((await sonarr.series(81189)).map((x) => x.id)).toEqual([added.id]);
    emu.importEpisode(added.id ?? 0, 2, 3);
    const episodes = await sonarr.episodes(added.id ?? 0);
    expect(episodes.filter((e) => e.hasFile === true).map((e) => `${e.seasonNumber}x${e.episodeNumber}`)).toEqual([
      '2x3',
    ]);
    expect((await sonarr.seriesById(added.id ?? 0)).statistics?.episodeFileCount).toBe(1);
    expect((await sonarr.command('SeriesSearch', { seriesId: added.id })).name).toBe('SeriesSearch');
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, apiKey: string, timeoutMs: number) => createSonarrClient({ url, apiKey, timeoutMs });
    const clients = {
      ok: sonarr,
      'wrong-key': make(emu.url, 'wrong', 3000),
      'short-timeout': make(emu.url, emu.apiKey, 200),
      tls: make(tlsUrl(emu.url), emu.apiKey, 3000),
    };
    await expectErrorClasses({
      emu,
      path: '/api/v3/rootfolder',
      call: (k) => clients[k].rootFolders(),
      wrongShape: [{ id: 1 }],
    });
  });
});
