import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiChecker } from '../arr-common/openapi-checker.js';
import { startRadarrEmulator, type RadarrEmulator } from './radarr-emulator.js';
import type { RadarrGrab } from './radarr-lifecycle.js';

const checker = createOpenApiChecker('radarr-v3-openapi.json');

describe('Radarr emulator', () => {
  let emu: RadarrEmulator;
  const call = async (method: string, path: string, body?: unknown, key?: string) => {
    const res = await fetch(`${emu.url}/api/v3${path}`, {
      method,
      headers: {
        'X-Api-Key': key ?? emu.apiKey,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i += 1) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('condition not reached');
  };

  beforeAll(async () => {
    emu = await startRadarrEmulator({ prowlarrUrl: 'http://prowlarr.test:9696' });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the checker rejects bodies that break the spec (so passing means something)', () => {
    const template = checker.templateOf('GET', '/api/v3/movie/12');
    expect(template).toBe('/api/v3/movie/{id}');
    expect(checker.check('GET', '/api/v3/movie/{id}', 200, { id: 1, title: 'x', hasFiles: true })).not.toEqual([]);
    expect(checker.check('GET', '/api/v3/health', 200, [{ source: 'X', type: 'fatal' }])).not.toEqual([]);
    expect(checker.check('POST', '/api/v3/movie', 201, { id: 1, year: '1999' })).not.toEqual([]);
    expect(checker.check('GET', '/api/v3/health', 200, [{ source: 'X', type: 'warning', message: 'm' }])).toEqual([]);
  });

  it('answers every endpoint the clients use with spec-valid bodies', async () => {
    emu.seedPlexConnection({ host: 'plex', port: 32400 });
    for (const path of [
      '/system/status',
      '/health',
      '/indexer',
      '/downloadclient',
      '/remotepathmapping',
      '/rootfolder',
      '/qualityprofile',
      '/notification',
      '/movie',
      '/movie/lookup?term=tmdb%3A603',
      '/movie/lookup/tmdb?tmdbId=949',
      '/queue?page=1&pageSize=10',
      '/history?page=1',
    ]) {
      expect((await call('GET', path)).status, path).toBe(200);
    }
    const indexers = (await call('GET', '/indexer')).body as {
      id: number;
      name: string;
      fields: { name: string; value: unknown }[];
    }[];
    expect(indexers[0]?.name).toBe('EmuTracker (Prowlarr)');
    expect(indexers[0]?.fields.find((f) => f.name === 'baseUrl')?.value).toBe('http://prowlarr.test:9696/1/');
    expect(indexers[0]?.fields.find((f) => f.name === 'apiKey')?.value).toBe('********');
    expect((await call('POST', '/indexer/test', indexers[0])).status).toBe(200);
    expect((await fetch(`${emu.url}/ping`)).status).toBe(200);
  });

  it('a reply that breaks the contract becomes a 500 and is recorded', async () => {
    emu.state.health.push({ source: 'X', type: 'fatal' as 'error', message: 'bad enum' });
    expect((await call('GET', '/health')).status).toBe(500);
    expect(emu.violations.join()).toContain('/api/v3/health');
    emu.state.health.splice(0);
    (emu.violations as string[]).splice(0);
  });

  it('answers 401 with an empty body for a wrong key, but /ping stays anonymous', async () => {
    const res = await call('GET', '/system/status', undefined, 'wrong');
    expect(res).toEqual({ status: 401, body: undefined });
    expect((await fetch(`${emu.url}/api/v3/system/status?apikey=${emu.apiKey}`)).status).toBe(200);
  });

  it('provider test faults: 400 failure list on /test, isValid false on /testall', async () => {
    const id = emu.state.indexers[0]!.id;
    emu.failIndexerTest(id, 'Unable to connect to indexer');
    const one = await call('POST', '/indexer/test', { id });
    expect(one.status).toBe(400);
    expect(JSON.stringify(one.body)).toContain('Unable to connect to indexer');
    const all = await call('POST', '/indexer/testall');
    expect(all).toMatchObject({ status: 400, body: [{ id, isValid: false }] });
    emu.failIndexerTest(id, undefined);
    expect((await call('POST', '/indexer/testall')).status).toBe(200);
  });

  it('validates POST /movie like Radarr (root folder, profile, duplicate)', async () => {
    const base = {
      tmdbId: 424,
      title: "Schindler's List",
      qualityProfileId: 4,
      rootFolderPath: '/data/media/movies',
      monitored: true,
    };
    expect((await call('POST', '/movie', { ...base, rootFolderPath: '/nope' })).status).toBe(400);
    expect((await call('POST', '/movie', { ...base, qualityProfileId: 999 })).status).toBe(400);
    const added = await call('POST', '/movie', base);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      path: "/data/media/movies/Schindler's List (1993)",
      hasFile: false,
      monitored: true,
    });
    const dup = await call('POST', '/movie', base);
    expect(JSON.stringify(dup.body)).toContain('already been added');
  });

  it('runs the movie lifecycle: add → search → onGrab → queue → import → hasFile', async () => {
    const grabs: RadarrGrab[] = [];
    emu.onGrab((g) => {
      grabs.push(g);
      return Promise.resolve({
        infoHash: 'abcdef0123456789abcdef0123456789abcdef01',
        outputPath: '/downloads/movies/x',
      });
    });
    const movie = (
      await call('POST', '/movie', {
        tmdbId: 603,
        title: 'The Matrix',
        qualityProfileId: 4,
        rootFolderPath: '/data/media/movies',
      })
    ).body as { id: number };
    const cmd = (await call('POST', '/command', { name: 'MoviesSearch', movieIds: [movie.id] })).body as {
      id: number;
      status: string;
    };
    expect(cmd.status).toBe('queued');
    await until(
      async () => ((await call('GET', `/command/${cmd.id}`)).body as { status: string }).status === 'completed',
    );
    expect(grabs.map((g) => [g.movie.tmdbId, g.downloadClient.category])).toEqual([[603, 'radarr']]);
    const queue = (await call('GET', `/queue?movieIds=${movie.id}`)).body as { records: { downloadId: string }[] };
    expect(queue.records.map((r) => r.downloadId)).toEqual(['ABCDEF0123456789ABCDEF0123456789ABCDEF01']);
    emu.importFile(movie.id, '/data/media/movies/The Matrix (1999)/The.Matrix.1999.mkv');
    expect((await call('GET', `/movie/${movie.id}`)).body).toMatchObject({
      hasFile: true,
      movieFile: { relativePath: 'The.Matrix.1999.mkv' },
    });
    expect(((await call('GET', `/queue?movieIds=${movie.id}`)).body as { totalRecords: number }).totalRecords).toBe(0);
    const imported = (await call('GET', `/history?movieIds=${movie.id}&eventType=3`)).body as {
      records: { data: Record<string, string> }[];
    };
    expect(imported.records[0]?.data.droppedPath).toBe('/downloads/movies/x');
    emu.onGrab(undefined);
  });

  it('a search fails the command when no download client exists', async () => {
    emu.removeDownloadClient(emu.state.downloadClients[0]!.id);
    const movie = (
      await call('POST', '/movie', {
        tmdbId: 949,
        qualityProfileId: 4,
        rootFolderPath: '/data/media/movies',
        addOptions: { searchForMovie: true },
      })
    ).body as { id: number };
    await until(() =>
      Promise.resolve(
        emu.state.commands.some(
          (c) =>
            c.body.movieIds !== undefined && (c.body.movieIds as number[]).includes(movie.id) && c.status === 'failed',
        ),
      ),
    );
    expect(emu.state.commands.at(-1)?.exception).toContain('No download client');
  });
});
