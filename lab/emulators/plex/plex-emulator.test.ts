import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkPlexReply } from './plex-contract.js';
import { startPlexEmulator, type PlexEmulator } from './plex-emulator.js';

describe('Plex emulator', () => {
  let emu: PlexEmulator;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${emu.url}${path}`, {
      headers: { 'X-Plex-Token': emu.token, Accept: 'application/json', ...headers },
    });
    const text = await res.text();
    return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
  };

  beforeAll(async () => {
    emu = await startPlexEmulator();
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the contract rejects replies that break plex.md', () => {
    const dir = { key: 1, type: 'movie', title: 'Movies', Location: [] };
    expect(
      checkPlexReply('/library/sections', 200, {
        MediaContainer: { size: 1, allowSync: false, title1: 'x', Directory: [dir] },
      }),
    ).not.toEqual([]);
    const setting = {
      id: 'FSEventLibraryUpdatesEnabled',
      label: '',
      summary: '',
      type: 'bool',
      default: true,
      value: '1',
      hidden: false,
      advanced: false,
      group: 'library',
    };
    expect(checkPlexReply('/:/prefs', 200, { MediaContainer: { size: 1, Setting: [setting] } })).not.toEqual([]);
    expect(
      checkPlexReply('/:/prefs', 200, { MediaContainer: { size: 1, Setting: [{ ...setting, value: true }] } }),
    ).toEqual([]);
  });

  it('answers every route with contract-valid JSON', async () => {
    const key = emu.addSection({ title: 'Kids', type: 'movie', locations: ['/data/media/kids'] });
    emu.addItem(key, {
      title: 'The Matrix',
      year: 1999,
      file: '/data/media/kids/The Matrix (1999)/The.Matrix.1999.mkv',
      tmdbId: 603,
      imdbId: 'tt0133093',
    });
    for (const path of [
      '/identity',
      '/library/sections',
      '/:/prefs',
      `/library/sections/${key}/all?type=1&includeGuids=1`,
      '/library/metadata/1000',
      '/hubs/search?query=matrix',
      '/status/sessions',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.type, path).toContain('application/json');
    }
    expect(JSON.parse((await get(`/library/sections/${key}/all?includeGuids=1`)).text)).toMatchObject({
      MediaContainer: { Metadata: [{ Guid: [{ id: 'imdb://tt0133093' }, { id: 'tmdb://603' }] }] },
    });
  });

  it('401 with HTML without a token; XML without Accept: application/json', async () => {
    const res = await fetch(`${emu.url}/identity`);
    expect([res.status, await res.text()]).toEqual([401, expect.stringContaining('Unauthorized') as string]);
    expect((await get('/identity', { Accept: '*/*' })).text).toContain('<MediaContainer');
    expect(
      (await fetch(`${emu.url}/identity?X-Plex-Token=${emu.token}`, { headers: { Accept: 'application/json' } }))
        .status,
    ).toBe(200);
  });

  it('records scans, calls onRefresh, and PUT /:/prefs switches auto-scan', async () => {
    const seen: string[] = [];
    emu.onRefresh((key, path) => {
      seen.push(`${key}:${path ?? ''}`);
    });
    expect((await get('/library/sections/1/refresh?path=%2Fdata%2Fmedia%2Fmovies%2FX')).status).toBe(200);
    expect(seen).toEqual(['1:/data/media/movies/X']);
    const put = await fetch(`${emu.url}/:/prefs?FSEventLibraryUpdatesEnabled=0`, {
      method: 'PUT',
      headers: { 'X-Plex-Token': emu.token },
    });
    expect(put.status).toBe(200);
    expect(emu.state.prefs.get('FSEventLibraryUpdatesEnabled')?.value).toBe(false);
    emu.onRefresh(undefined);
  });
});
