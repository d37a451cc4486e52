import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadarrEmulator, type RadarrEmulator } from '../radarr/radarr-emulator.js';
import { startSonarrEmulator, type SonarrEmulator } from '../sonarr/sonarr-emulator.js';
import { startOverseerrEmulator, type OverseerrEmulator } from './overseerr-emulator.js';

describe('Overseerr emulator: POST /settings/radarr|sonarr/test calls the app for real', () => {
  let emu: OverseerrEmulator;
  let radarr: RadarrEmulator;
  let sonarr: SonarrEmulator;
  const portOf = (url: string) => Number(new URL(url).port);
  const test = async (kind: 'radarr' | 'sonarr', body: unknown) => {
    const res = await fetch(`${emu.url}/api/v1/settings/${kind}/test`, {
      method: 'POST',
      headers: { 'X-Api-Key': emu.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    [emu, radarr, sonarr] = await Promise.all([
      startOverseerrEmulator(),
      startRadarrEmulator({ urlBase: '/radarr' }),
      startSonarrEmulator(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([emu.close(), radarr.close(), sonarr.close()]);
  });

  it("answers with the app's profiles, root folders, tags and URL base when the settings are right", async () => {
    const reply = await test('radarr', {
      hostname: '127.0.0.1',
      port: portOf(radarr.url),
      apiKey: radarr.apiKey,
      useSsl: false,
      baseUrl: '/radarr',
    });
    expect(reply.status).toBe(200);
    expect((reply.body.profiles as { id: number; name: string }[]).map((p) => [p.id, p.name])).toEqual(
      radarr.state.qualityProfiles.map((p) => [p.id, p.name]),
    );
    expect(reply.body.rootFolders).toEqual(radarr.state.rootFolders.map((r) => ({ id: r.id, path: r.path })));
    expect(reply.body).toMatchObject({ tags: [], urlBase: '/radarr' });
    const sonarrReply = await test('sonarr', {
      hostname: '127.0.0.1',
      port: portOf(sonarr.url),
      apiKey: sonarr.apiKey,
      useSsl: false,
    });
    expect(sonarrReply).toMatchObject({ status: 200, body: { languageProfiles: [], urlBase: '' } });
    expect([...emu.violations, ...radarr.violations, ...sonarr.violations]).toEqual([]);
  });

  it('answers 500 "Failed to connect to Radarr" for a wrong key, URL base, port or a non-loopback host', async () => {
    const good = {
      hostname: '127.0.0.1',
      port: portOf(radarr.url),
      apiKey: radarr.apiKey,
      useSsl: false,
      baseUrl: '/radarr',
    };
    for (const bad of [
      { apiKey: 'wrong-key' },
      { baseUrl: '' },
      { port: portOf(sonarr.url) },
      { hostname: 'radarr' },
    ]) {
      expect(await test('radarr', { ...good, ...bad })).toEqual({
        status: 500,
        body: { message: 'Failed to connect to Radarr' },
      });
    }
    expect(await test('sonarr', { ...good, port: 1 })).toEqual({
      status: 500,
      body: { message: 'Failed to connect to Sonarr' },
    });
  });

  it('rejects a body without a required field, naming it', async () => {
    const reply = await test('radarr', { hostname: '127.0.0.1', port: 7878, useSsl: false });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe("request.body should have required property 'apiKey'");
  });

  it('GET /settings/radarr lists the entries as setArrServer left them (4K entry untouched)', async () => {
    emu.setArrServer('radarr', { hostname: '127.0.0.1', port: 7000, activeDirectory: '/movies' });
    const res = await fetch(`${emu.url}/api/v1/settings/radarr`, { headers: { 'X-Api-Key': emu.apiKey } });
    const entries = (await res.json()) as { hostname: string; port: number; activeDirectory: string; is4k: boolean }[];
    expect(entries.map((e) => [e.hostname, e.port, e.activeDirectory, e.is4k])).toEqual([
      ['127.0.0.1', 7000, '/movies', false],
      ['radarr4k', 7878, '/data/media', true],
    ]);
    expect(emu.violations).toEqual([]);
  });
});
