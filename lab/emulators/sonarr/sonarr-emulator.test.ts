import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiChecker } from '../arr-common/openapi-checker.js';
import { startSonarrEmulator, type SonarrEmulator } from './sonarr-emulator.js';

const checker = createOpenApiChecker('sonarr-v3-openapi.json');

describe('Sonarr emulator', () => {
  let emu: SonarrEmulator;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/api/v3${path}`, {
      method,
      headers: { 'X-Api-Key': emu.apiKey, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };

  beforeAll(async () => {
    emu = await startSonarrEmulator();
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the checker rejects bodies that break the spec (Sonarr has no isTypeExclusive on Command)', () => {
    expect(checker.check('POST', '/api/v3/command', 201, { id: 1, body: { isTypeExclusive: false } })).not.toEqual([]);
    expect(checker.check('GET', '/api/v3/series', 200, [{ id: 1, seriesType: 'cartoon' }])).not.toEqual([]);
  });

  it('answers the bot endpoints with spec-valid bodies, series added and searched included', async () => {
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
      '/series',
      '/series/lookup?term=tvdb%3A70994',
      '/queue',
      '/history',
    ]) {
      expect((await call('GET', path)).status, path).toBe(200);
    }
    const added = await call('POST', '/series', {
      tvdbId: 70994,
      title: 'M*A*S*H',
      qualityProfileId: 4,
      rootFolderPath: '/data/media/tv',
      seasons: [{ seasonNumber: 1, monitored: true }],
    });
    expect(added).toMatchObject({
      status: 201,
      body: {
        path: '/data/media/tv/MASH (1972)',
        seasons: [{ seasonNumber: 0, monitored: false }, { seasonNumber: 1, monitored: true }, {}, {}],
      },
    });
    const id = (added.body as { id: number }).id;
    emu.importEpisode(id, 1, 1);
    const episodes = (await call('GET', `/episode?seriesId=${id}`)).body as {
      seasonNumber: number;
      episodeNumber: number;
      hasFile: boolean;
    }[];
    expect(episodes.filter((e) => e.hasFile).map((e) => [e.seasonNumber, e.episodeNumber])).toEqual([[1, 1]]);
    const cmd = await call('POST', '/command', { name: 'seriessearch', seriesId: id });
    expect(cmd).toMatchObject({ status: 201, body: { name: 'SeriesSearch', status: 'queued' } });
    expect(
      (
        await call('POST', '/series', {
          tvdbId: 70994,
          title: 'M*A*S*H',
          qualityProfileId: 4,
          rootFolderPath: '/data/media/tv',
        })
      ).status,
    ).toBe(400);
  });
});
