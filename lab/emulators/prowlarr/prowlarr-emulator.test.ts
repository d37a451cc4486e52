import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiChecker } from '../arr-common/openapi-checker.js';
import { startProwlarrEmulator, type ProwlarrEmulator } from './prowlarr-emulator.js';

const checker = createOpenApiChecker('prowlarr-v1-openapi.json');

describe('Prowlarr emulator', () => {
  let emu: ProwlarrEmulator;
  const get = async (path: string, key?: string) => {
    const res = await fetch(`${emu.url}/api/v1${path}`, { headers: { 'X-Api-Key': key ?? emu.apiKey } });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };

  beforeAll(async () => {
    emu = await startProwlarrEmulator({ prowlarrUrl: 'http://prowlarr:9696', radarrUrl: 'http://radarr:7878' });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the checker rejects bodies that break the spec', () => {
    expect(checker.check('GET', '/api/v1/applications', 200, [{ id: 1, syncLevel: 'always' }])).not.toEqual([]);
    expect(checker.check('GET', '/api/v1/search', 200, [{ title: 'x', size: 'big' }])).not.toEqual([]);
    expect(checker.check('GET', '/api/v1/search', 200, [{ title: 'x', size: 1 }])).toEqual([]);
  });

  it('answers the bot endpoints with spec-valid bodies', async () => {
    for (const path of ['/system/status', '/health', '/indexer', '/applications', '/search?query=matrix&type=search']) {
      expect((await get(path)).status, path).toBe(200);
    }
    const apps = (await get('/applications')).body as {
      implementation: string;
      fields: { name: string; value: unknown }[];
    }[];
    expect(apps.map((a) => [a.implementation, a.fields.find((f) => f.name === 'baseUrl')?.value])).toEqual([
      ['Radarr', 'http://radarr:7878'],
      ['Sonarr', 'http://sonarr:8989'],
    ]);
    expect(apps[0]?.fields.find((f) => f.name === 'apiKey')?.value).toBe('********');
  });

  it('searches by every query word and honours indexer failures', async () => {
    const hits = (await get('/search?query=the%20matrix')).body as { title: string }[];
    expect(hits.map((h) => h.title)).toEqual(['The.Matrix.1999.1080p.BluRay.x264-EMU']);
    expect((await get('/search?query=no%20such%20film')).body).toEqual([]);
    const id = emu.state.indexers[0]!.id;
    emu.failSearch(id, 'Search failed: tracker returned 503');
    expect(await get('/search?query=matrix')).toEqual({
      status: 400,
      body: { message: 'Search failed: tracker returned 503' },
    });
    emu.failSearch(id, undefined);
  });

  it('answers 401 for a wrong key', async () => {
    expect((await get('/indexer', 'nope')).status).toBe(401);
  });
});
