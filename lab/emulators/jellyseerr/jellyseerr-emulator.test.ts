import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createResponseChecker, JELLYSEERR_SPEC_PATH } from '../overseerr/overseerr-validate.js';
import { startJellyfinEmulator, type JellyfinEmulator } from '../jellyfin/jellyfin-emulator.js';
import { startJellyseerrEmulator, type JellyseerrEmulator } from './jellyseerr-emulator.js';

describe('Jellyseerr emulator', () => {
  let jellyfin: JellyfinEmulator;
  let emu: JellyseerrEmulator;
  const call = async (path: string, init: { method?: string; user?: number; body?: unknown } = {}) => {
    const res = await fetch(`${emu.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'X-Api-Key': emu.apiKey,
        'Content-Type': 'application/json',
        ...(init.user === undefined ? {} : { 'X-Api-User': String(init.user) }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    jellyfin = await startJellyfinEmulator();
    emu = await startJellyseerrEmulator({ jellyfin });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
    expect(jellyfin.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
    await jellyfin.close();
  });

  it("validates against Jellyseerr's own spec (its Settings → Jellyfin schema)", () => {
    const checker = createResponseChecker(JELLYSEERR_SPEC_PATH);
    expect(checker.documented('GET', '/settings/jellyfin', 200)).toBe(true);
    expect(checker.check('GET', '/settings/jellyfin/library', 200, [{ id: 'x', name: 'Movies' }])).not.toEqual([]);
  });

  it('answers the Overseerr routes as Jellyseerr (status, search, request as the X-Api-User user)', async () => {
    expect((await call('/status')).body).toMatchObject({ version: '2.7.3' });
    expect((await call('/search?query=Am%C3%A9lie')).status).toBe(200);
    const created = await call('/request', { method: 'POST', user: 3, body: { mediaType: 'movie', mediaId: 194 } });
    expect(created.status).toBe(201);
    expect(emu.requests.map((r) => r.requestedBy)).toEqual([3]);
  });

  it('Settings → Jellyfin: its libraries, and /users really asks the linked Jellyfin', async () => {
    expect((await call('/settings/jellyfin')).body).toMatchObject({
      hostname: jellyfin.url,
      serverID: jellyfin.state.serverId,
      libraries: [expect.objectContaining({ name: 'Movies', enabled: true }), expect.anything()],
    });
    const users = await call('/settings/jellyfin/users');
    expect(users).toMatchObject({ status: 200, body: [{ username: 'admin' }, { username: 'fran' }] });
    expect(jellyfin.log.filter((c) => c.rawUrl === '/Users').map((c) => c.status)).toEqual([200]);
    emu.linkJellyfin({ apiKey: 'stale-jellyfin-key' });
    expect((await call('/settings/jellyfin/users')).status).toBe(500);
    emu.linkJellyfin({ apiKey: jellyfin.apiKey });
    const synced = await call('/settings/jellyfin/library?sync=true');
    expect(synced.body).toEqual([
      expect.objectContaining({ name: 'Movies', enabled: true }),
      expect.objectContaining({ name: 'Shows', enabled: true }),
    ]);
  });
});
