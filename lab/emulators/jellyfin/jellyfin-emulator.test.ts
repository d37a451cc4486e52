import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiChecker } from '../arr-common/openapi-checker.js';
import { createJellyfinClient } from '../../../src/media/jellyfin-client.js';
import { startJellyfinEmulator, type JellyfinEmulator } from './jellyfin-emulator.js';

describe('Jellyfin emulator', () => {
  let emu: JellyfinEmulator;
  const client = () => createJellyfinClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 5000 });

  beforeAll(async () => {
    emu = await startJellyfinEmulator();
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the contract rejects a virtual folder with a field Jellyfin does not have', () => {
    const checker = createOpenApiChecker('jellyfin-openapi.json', { sameBodyAs200: new Set() });
    expect(checker.check('GET', '/Library/VirtualFolders', 200, [{ Name: 'Movies', Paths: [] }])).not.toEqual([]);
    expect(checker.check('GET', '/Library/VirtualFolders', 200, [{ Name: 'Movies', Locations: [] }])).toEqual([]);
  });

  it('refuses a missing or wrong API key with 401, and answers the public info without one', async () => {
    expect((await fetch(`${emu.url}/System/Info`)).status).toBe(401);
    const wrong = await fetch(`${emu.url}/System/Info`, { headers: { Authorization: 'MediaBrowser Token="nope"' } });
    expect(wrong.status).toBe(401);
    const open = await fetch(`${emu.url}/System/Info/Public`);
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({ Version: '10.11.11' });
    const legacy = await fetch(`${emu.url}/System/Info`, { headers: { 'X-Emby-Token': emu.apiKey } });
    expect(legacy.status).toBe(200);
  });

  it('lists libraries with their folders and real-time monitoring, and the scan task triggers', async () => {
    const libs = await client().libraries();
    expect(libs.map((l) => [l.name, l.collectionType, l.locations, l.realtimeMonitor])).toEqual([
      ['Movies', 'movies', ['/data/media/movies'], true],
      ['Shows', 'tvshows', ['/data/media/tv'], true],
    ]);
    emu.setRealtimeMonitor(libs[0]!.id, false);
    expect((await client().libraries())[0]?.realtimeMonitor).toBe(false);
    expect(await client().libraryScanTriggers()).toBe(1);
    emu.setScanScheduled(false);
    expect(await client().libraryScanTriggers()).toBe(0);
  });

  it('lists a library movies with TMDB id and path, and counts scans', async () => {
    const movies = (await client().libraries())[0]!;
    emu.addItem(movies.id, {
      title: 'Amélie',
      year: 2001,
      file: '/data/media/movies/Amelie (2001)/a.mkv',
      tmdbId: 194,
    });
    expect(await client().movies(movies.id)).toEqual([
      expect.objectContaining({
        name: 'Amélie',
        year: 2001,
        tmdbId: '194',
        path: '/data/media/movies/Amelie (2001)/a.mkv',
      }),
    ]);
    await client().refreshLibrary();
    expect(emu.state.refreshes).toBe(1);
    expect((await client().systemInfo()).version).toBe('10.11.11');
  });
});
