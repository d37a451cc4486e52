import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { createOverseerrClient, type OverseerrClient } from '../../src/media/overseerr-client.js';
import { parseTitleQuery } from '../../src/media/parse-title-query.js';
import { resolveOverseerrUser } from '../../src/media/resolve-overseerr-user.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { codeOf } from './media-client-errors.js';

describe('Overseerr client against the emulator', () => {
  let emu: OverseerrEmulator;
  let client: OverseerrClient;

  beforeAll(async () => {
    emu = await startOverseerrEmulator();
    client = createOverseerrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 2000 });
  });
  afterEach(() => {
    emu.hang(false);
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('finds awkward titles and never sends + or a raw reserved character', async () => {
    const cases: [string, string][] = [
      ["Schindler's List", "Schindler's List"],
      ['Amélie', 'Amélie'],
      ['M*A*S*H', 'M*A*S*H'],
      ['Mission: Impossible', 'Mission: Impossible - Ghost Protocol'],
      ['Fast & Furious', 'Fast & Furious'],
    ];
    for (const [query, expected] of cases) {
      const page = await client.search(parseTitleQuery(query).overseerrQuery);
      expect(
        page.results.map((r) => r.title ?? r.name),
        query,
      ).toContain(expected);
    }
    const searches = emu.log.filter((c) => c.rawUrl.startsWith('/api/v1/search'));
    expect(searches).toHaveLength(cases.length);
    for (const call of searches) {
      const raw = /query=([^&]*)/.exec(call.rawUrl)?.[1] ?? '';
      expect(raw).not.toMatch(/[+'!()*:&]/);
      expect(call.status).toBe(200);
    }
    expect(searches.some((c) => c.rawUrl.includes('M%2AA%2AS%2AH'))).toBe(true);
  });

  it('would catch a naive client: URLSearchParams encodes spaces as + and the emulator answers 400', async () => {
    const naive = `${emu.url}/api/v1/search?${new URLSearchParams({ query: 'Fast & Furious' }).toString()}`;
    expect(naive).toContain('Fast+%26+Furious');
    const res = await fetch(naive, { headers: { 'X-Api-Key': emu.apiKey } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('must be url encoded');
  });

  it('resolves tmdb:, imdb: and year: through the search providers', async () => {
    expect(
      (await client.search(parseTitleQuery('https://www.themoviedb.org/tv/918-m-a-s-h').overseerrQuery)).results[0]?.id,
    ).toBe(918);
    expect((await client.search(parseTitleQuery('imdb:tt0211915').overseerrQuery)).results[0]?.id).toBe(194);
    const heat = await client.search(parseTitleQuery('Heat year:1986').overseerrQuery);
    expect(heat.results.map((r) => r.id)).toEqual([31264]);
  });

  it('reads TV seasons (specials included) and the available status of a movie', async () => {
    expect((await client.tv(918)).seasons.map((s) => s.seasonNumber)).toEqual([0, 1, 2, 3]);
    expect((await client.movie(603)).mediaInfo?.status).toBe(5);
    expect(await codeOf(client.movie(918))).toBe('overseerr-not-found');
  });

  it('maps Discord ids to users via discordId and discordIds[], and caches the index', async () => {
    expect((await client.findUserByDiscordId('200000000000000002'))?.id).toBe(2);
    expect((await client.findUserByDiscordId('300000000000000033'))?.id).toBe(3);
    expect(await client.findUserByDiscordId('999999999999999999')).toBeUndefined();
    expect(emu.log.filter((c) => c.rawUrl.startsWith('/api/v1/user?'))).toHaveLength(1);
  });

  it('refreshes the index on a miss only once it is older than the miss window', async () => {
    let now = 0;
    const clocked = createOverseerrClient({
      url: emu.url,
      apiKey: emu.apiKey,
      timeoutMs: 2000,
      now: () => now,
      userMissRefreshMs: 1000,
      userCacheMs: 60_000,
    });
    const listCalls = () => emu.log.filter((c) => c.rawUrl.startsWith('/api/v1/user?')).length;
    const before = listCalls();
    await clocked.findUserByDiscordId('999999999999999999');
    await clocked.findUserByDiscordId('999999999999999999');
    expect(listCalls()).toBe(before + 1);
    now = 1500;
    expect((await clocked.findUserByDiscordId('200000000000000002'))?.id).toBe(2);
    expect(listCalls()).toBe(before + 1);
    await clocked.findUserByDiscordId('999999999999999999');
    expect(listCalls()).toBe(before + 2);
  });

  it('asks each user for notification settings once per TTL, not on every index rebuild', async () => {
    let now = 0;
    const clocked = createOverseerrClient({
      url: emu.url,
      apiKey: emu.apiKey,
      timeoutMs: 2000,
      now: () => now,
      userMissRefreshMs: 1000,
      userCacheMs: 60_000,
      userSettingsTtlMs: 10_000,
    });
    const settingsCalls = () =>
      emu.log.filter((c) => /^\/api\/v1\/user\/\d+\/settings\/notifications/.test(c.rawUrl)).length;
    const listCalls = () => emu.log.filter((c) => c.rawUrl.startsWith('/api/v1/user?')).length;
    const [settings0, list0] = [settingsCalls(), listCalls()];
    await clocked.findUserByDiscordId('999999999999999999');
    const perRebuild = settingsCalls() - settings0;
    expect(perRebuild).toBe(emu.state.users.size);
    now = 1500;
    await clocked.findUserByDiscordId('999999999999999999');
    expect([listCalls() - list0, settingsCalls() - settings0]).toEqual([2, perRebuild]);
    now = 12_000;
    await clocked.findUserByDiscordId('999999999999999999');
    expect(settingsCalls() - settings0).toBe(2 * perRebuild);
    expect((await clocked.findUserByDiscordId('300000000000000003'))?.id).toBe(3);
  });

  it('links chat users: people table first, then the Discord id in Overseerr; Slack only via people', async () => {
    const people = [
      { name: 'fran', role: 'family' as const, slackId: 'U0FRAN', overseerrUserId: 2 },
      { name: 'sam', role: 'family' as const, discordId: '300000000000000003' },
    ];
    expect(await resolveOverseerrUser({ platform: 'slack', id: 'U0FRAN' }, people, client)).toEqual({
      overseerrUserId: 2,
      via: 'people',
    });
    expect(await resolveOverseerrUser({ platform: 'slack', id: 'U0OTHER' }, people, client)).toBeUndefined();
    expect(await resolveOverseerrUser({ platform: 'discord', id: '300000000000000003' }, people, client)).toEqual({
      overseerrUserId: 3,
      via: 'overseerr-discord',
    });
    expect(await resolveOverseerrUser({ platform: 'shell', id: 'fran' }, people, client)).toEqual({
      overseerrUserId: 2,
      via: 'people',
    });
  });

  it('creates the request as the X-Api-User user: pending for family, approved for auto-approvers', async () => {
    const pending = await client.request({ mediaType: 'movie', mediaId: 194, asUser: 2 });
    expect(pending).toMatchObject({ outcome: 'created', approved: false });
    const approved = await client.request({ mediaType: 'movie', mediaId: 424, asUser: 3 });
    expect(approved).toMatchObject({ outcome: 'created', approved: true });
    expect(emu.requests.map((r) => [r.tmdbId, r.requestedBy, r.status])).toEqual([
      [194, 2, 1],
      [424, 3, 2],
    ]);
    const post = emu.log.find((c) => c.method === 'POST');
    expect(post?.apiUser).toBe('2');
    expect(post?.body).not.toHaveProperty('userId');
    expect((await client.requests({ requestedBy: 2 })).map((r) => r.requestedBy?.id)).toEqual([2]);
  });

  it('maps quota, permission and duplicate refusals to stable codes', async () => {
    expect(await codeOf(client.request({ mediaType: 'movie', mediaId: 949, asUser: 4 }))).toBe('overseerr-quota');
    expect((await client.quota(4)).movie).toMatchObject({ limit: 1, remaining: 0, restricted: true });
    expect(await codeOf(client.request({ mediaType: 'movie', mediaId: 949, asUser: 5 }))).toBe('overseerr-forbidden');
    expect(await codeOf(client.request({ mediaType: 'movie', mediaId: 194, asUser: 3 }))).toBe('overseerr-duplicate');
    expect(
      emu.log
        .filter((c) => c.method === 'POST')
        .slice(-3)
        .map((c) => c.status),
    ).toEqual([403, 403, 409]);
  });

  it('returns nothing-to-request when every asked season is taken (202)', async () => {
    expect(await client.request({ mediaType: 'tv', mediaId: 918, seasons: [1, 2], asUser: 3 })).toMatchObject({
      outcome: 'created',
    });
    expect(await client.request({ mediaType: 'tv', mediaId: 918, seasons: [2], asUser: 1 })).toEqual({
      outcome: 'nothing-to-request',
      message: 'No seasons available to request',
    });
  });

  it('reads request settings as the admin (partial requests, 4K servers)', async () => {
    expect(await client.requestSettings()).toEqual({ partialRequestsEnabled: true, movie4k: true, series4k: false });
    emu.state.partialRequestsEnabled = false;
    expect((await client.requestSettings()).partialRequestsEnabled).toBe(false);
    expect(emu.log.filter((c) => c.rawUrl.startsWith('/api/v1/settings/')).every((c) => c.apiUser === undefined)).toBe(
      true,
    );
  });

  it('tells an unknown X-Api-User, a bad key and a quota or permission refusal apart, each with its own message and fix', async () => {
    const bad = createOverseerrClient({ url: emu.url, apiKey: 'not-the-key', timeoutMs: 2000 });
    const failure = async (p: Promise<unknown>) =>
      p.then(
        () => {
          throw new Error('expected a refusal');
        },
        (e: unknown) => e as ExternalError,
      );
    const unknown = await failure(client.request({ mediaType: 'movie', mediaId: 949, asUser: 999 }));
    const badKey = await failure(bad.request({ mediaType: 'movie', mediaId: 949, asUser: 2 }));
    const quota = await failure(client.request({ mediaType: 'movie', mediaId: 949, asUser: 4 }));
    const permission = await failure(client.request({ mediaType: 'movie', mediaId: 949, asUser: 5 }));
    expect([unknown.code, badKey.code, quota.code, permission.code]).toEqual([
      'overseerr-unknown-user',
      'overseerr-auth',
      'overseerr-quota',
      'overseerr-forbidden',
    ]);
    expect(unknown.message).toMatch(/no user with id 999 .*Fix: set people\[\]\.overseerrUserId/);
    expect(badKey.message).toMatch(
      /rejected the bot's API key.*Fix: copy Overseerr → Settings → General → API Key into media\.overseerr\.apiKey/,
    );
    expect(quota.message).toContain('Movie Quota exceeded');
    expect(new Set([unknown.message, badKey.message, quota.message, permission.message]).size).toBe(4);
    // The key alone was checked once for each auth refusal, without X-Api-User.
    const me = emu.log.filter((c) => c.rawUrl === '/api/v1/auth/me').slice(-2);
    expect(me.map((c) => [c.apiUser, c.status])).toEqual([
      [undefined, 200],
      [undefined, 403],
    ]);
    // The same tells apply to reads made as a user (quota, request list).
    expect(await codeOf(client.quota(999))).toBe('overseerr-unknown-user');
    expect(await codeOf(bad.requests({ requestedBy: 2 }))).toBe('overseerr-auth');
  });

  it('reports a wrong API key as overseerr-auth without leaking the key', async () => {
    const bad = createOverseerrClient({ url: emu.url, apiKey: 'not-the-key', timeoutMs: 2000 });
    const error = await bad.request({ mediaType: 'movie', mediaId: 949, asUser: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).code).toBe('overseerr-auth');
    expect(JSON.stringify({ m: (error as Error).message, c: (error as ExternalError).context })).not.toContain(
      'not-the-key',
    );
  });

  it('reports a stopped server as unreachable and a hanging one as a timeout', async () => {
    const quick = createOverseerrClient({ url: emu.url, apiKey: emu.apiKey, timeoutMs: 300 });
    emu.hang(true);
    expect(await codeOf(quick.status())).toBe('overseerr-timeout');
    emu.hang(false);
    await emu.down();
    try {
      expect(await codeOf(client.status())).toBe('overseerr-refused');
    } finally {
      await emu.up();
    }
    expect((await client.status()).version).toBe('1.34.0');
  });

  it('tolerates a configured URL that already ends in /api/v1/', async () => {
    const suffixed = createOverseerrClient({ url: `${emu.url}/api/v1/`, apiKey: emu.apiKey, timeoutMs: 2000 });
    expect((await suffixed.movie(194)).title).toBe('Amélie');
  });
});
