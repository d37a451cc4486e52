import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverseerrEmulator, type OverseerrEmulator } from './overseerr-emulator.js';
import { createResponseChecker } from './overseerr-validate.js';

const checker = createResponseChecker();

describe('Overseerr emulator self-check', () => {
  let emu: OverseerrEmulator;
  const get = async (path: string, user?: number) => {
    const headers: Record<string, string> = { 'X-Api-Key': emu.apiKey };
    if (user !== undefined) headers['X-Api-User'] = String(user);
    const res = await fetch(`${emu.url}/api/v1${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const post = async (body: unknown, user: number) => {
    const res = await fetch(`${emu.url}/api/v1/request`, {
      method: 'POST',
      headers: { 'X-Api-Key': emu.apiKey, 'X-Api-User': String(user), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** node:http sends the path byte for byte (fetch would re-encode `'`). */
  const rawGet = (path: string) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const { hostname, port } = new URL(emu.url);
      const req = httpRequest(
        { hostname, port, path: `/api/v1${path}`, headers: { 'X-Api-Key': emu.apiKey } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
          });
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    emu = await startOverseerrEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('the checker rejects a body that breaks the spec (so passing means something)', () => {
    expect(checker.check('GET', '/user/{userId}', 200, { id: 'one', email: 5 })).not.toEqual([]);
    expect(checker.check('GET', '/search', 200, { page: '1', results: [] })).not.toEqual([]);
    expect(checker.check('GET', '/status', 200, { version: '1.0.0' })).toEqual([]);
  });

  it('answers every bot endpoint with spec-valid bodies', async () => {
    const paths = [
      '/status',
      '/auth/me',
      '/search?query=Am%C3%A9lie&page=1&language=en',
      '/search?query=M%2AA%2AS%2AH',
      '/movie/194',
      '/tv/918',
      '/user?take=100&skip=0',
      '/user/2',
      '/user/3/settings/notifications',
      '/user/2/quota',
      '/settings/main',
      '/settings/radarr',
      '/settings/sonarr',
    ];
    for (const path of paths) expect((await get(path)).status, path).toBe(200);
    expect((await post({ mediaType: 'movie', mediaId: 424 }, 2)).status).toBe(201);
    expect((await post({ mediaType: 'tv', mediaId: 918, seasons: [1] }, 3)).status).toBe(201);
    expect((await get('/request?take=10&skip=0&filter=all')).status).toBe(200);
    expect((await get('/request/' + String(emu.requests[0]!.id))).status).toBe(200);
    expect(emu.violations).toEqual([]);
  });

  it('rejects + and raw reserved characters in query like the real server, and finds the decoded title', async () => {
    for (const q of ['Schindler+List', "Schindler's%20List", 'Mission:%20Impossible', 'M*A*S*H']) {
      const res = await rawGet(`/search?query=${q}`);
      expect(res.status, q).toBe(400);
      expect(String(res.body.message)).toContain('must be url encoded');
    }
    const ok = await get('/search?query=Schindler%27s%20List');
    expect(ok.body.totalResults).toBe(1);
  });

  it('without a valid API key answers 403 except on /status', async () => {
    expect((await fetch(`${emu.url}/api/v1/auth/me`)).status).toBe(403);
    expect((await fetch(`${emu.url}/api/v1/auth/me`, { headers: { 'X-Api-Key': 'wrong' } })).status).toBe(403);
    expect((await fetch(`${emu.url}/api/v1/status`)).status).toBe(200);
  });

  it('answers an unknown X-Api-User with the same 403 as a bad key, as the real auth middleware does', async () => {
    const unknown = await get('/auth/me', 999);
    const badKey = await fetch(`${emu.url}/api/v1/auth/me`, { headers: { 'X-Api-Key': 'wrong' } });
    expect(unknown).toEqual({ status: 403, body: await badKey.json() });
    expect(unknown.body).toEqual({ status: 403, error: 'You do not have permission to access this endpoint' });
    expect((await get('/auth/me', 2)).status).toBe(200);
  });

  it('acts as X-Api-User: pending for a plain user, approved for an auto-approver', async () => {
    const plain = await post({ mediaType: 'movie', mediaId: 194 }, 2);
    expect(plain.body.status).toBe(1);
    expect((plain.body.requestedBy as { id: number }).id).toBe(2);
    const auto = await post({ mediaType: 'movie', mediaId: 13804 }, 3);
    expect(auto.body.status).toBe(2);
  });

  it('setMediaStatus shows in details and search, and blocks a movie request', async () => {
    emu.setMediaStatus(31264, 5);
    expect(((await get('/movie/31264')).body.mediaInfo as { status: number }).status).toBe(5);
    const hit = (await get('/search?query=tmdb%3A31264')).body.results as { mediaInfo?: { status: number } }[];
    expect(hit[0]?.mediaInfo?.status).toBe(5);
    expect((await post({ mediaType: 'movie', mediaId: 31264 }, 1)).status).toBe(409);
    expect(emu.undocumented).toContain('POST /request 409');
  });

  it('refuses a non-manager setting body userId', async () => {
    const res = await post({ mediaType: 'movie', mediaId: 949, userId: 3 }, 2);
    expect(res.status).toBe(403);
    expect(String(res.body.message)).toContain('modify the request user');
  });
});
