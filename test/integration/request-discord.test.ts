import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import type { Person } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, type StackOptions } from './discord-stack.js';
import { overseerrUsers, requestFlavors, requestPosts, startRequestWorker } from './request-harness.js';

// Discord ids stored in the emulator's Overseerr user settings (fran: discordId, sam: discordIds[]).
const fran = { id: '200000000000000002', username: 'fran', roleIds: [] };
const sam = { id: '300000000000000033', username: 'sam', roleIds: [] };
const quinn = { id: '400000000000000004', username: 'quinn', roleIds: [] };
const kid = { id: '120000000000000009', username: 'kid', roleIds: [] };
const uma = { id: '600000000000000006', username: 'uma', roleIds: [] };
const people: Person[] = [fran, sam, quinn, kid, uma].map((u) => ({
  name: u.username,
  role: 'family',
  discordId: u.id,
}));

interface Component {
  readonly type: number;
  readonly custom_id?: string;
  readonly label?: string;
  readonly options?: { value: string; label: string }[];
}
const componentsOf = (m: StoredMessage): Component[] =>
  (m.components as { components?: Component[] }[]).flatMap((row) => row.components ?? []);
const selectOf = (m: StoredMessage): Component | undefined => componentsOf(m).find((c) => c.type === 3);
const button = (m: StoredMessage, label: string): Component | undefined =>
  componentsOf(m).find((c) => c.type === 2 && c.label === label);

describe.each(requestFlavors)(
  '/request on Discord (real discord.js, Discord + $name emulators, worker, redis)',
  (f) => {
    let redis: PrivateRedis;
    let emu: DiscordEmulator;
    let os: OverseerrEmulator;
    let bot: Awaited<ReturnType<typeof startDiscordBot>>;
    let worker: ReturnType<typeof startRequestWorker>;

    beforeAll(async () => {
      redis = await startTestRedis();
      os = await startOverseerrEmulator({ flavor: f.flavor });
      emu = await startDiscordEmulator({ users: [fran, sam, quinn, kid, uma] });
      const opts: StackOptions = { emu, redisUrl: redis.url, prefix: uniquePrefix(), access: { people } };
      bot = await startDiscordBot(opts);
      const chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
      worker = startRequestWorker({
        overseerr: os,
        redisUrl: redis.url,
        prefix: opts.prefix,
        people,
        chats: { discord: chat },
        requestsPerHour: 3,
      });
    });
    afterAll(async () => {
      await bot.stop();
      await worker.stop();
      await emu.stop();
      await os.close();
      await redis.stop();
    });

    /** Runs `/request <kind> <title>` and returns the thread id and the message with the search select. */
    async function search(
      user: string,
      kind: 'movie' | 'tv',
      title: string,
    ): Promise<{ thread: string; results: StoredMessage }> {
      const before = new Set(emu.messagesIn(emu.ids.channelId).map((m) => m.id));
      const ack = await emu.slash(user, `request ${kind}`, { title });
      expect(ack.callback.type).toBe(5);
      const root = await emu.waitFor(
        () => emu.messagesIn(emu.ids.channelId).find((m) => !before.has(m.id) && m.threadId !== null),
        'threaded reply',
      );
      const results = await emu.waitFor(
        () => emu.messagesIn(root.id).find((m) => selectOf(m) !== undefined),
        `results for ${title}`,
        20_000,
      );
      return { thread: root.id, results };
    }

    /** Picks `tmdbId` in the search select and waits for the next bot message that matches. */
    async function pick(
      user: string,
      thread: string,
      results: StoredMessage,
      tmdbId: number,
      until: (m: StoredMessage) => boolean,
    ): Promise<StoredMessage> {
      const select = selectOf(results);
      expect(select?.options?.map((o) => o.value)).toContain(String(tmdbId));
      await emu.select(results.id, select?.custom_id ?? '', [String(tmdbId)], user);
      return emu.waitFor(() => emu.messagesIn(thread).find((m) => m.id !== results.id && until(m)), 'card', 20_000);
    }

    async function confirm(
      user: string,
      thread: string,
      card: StoredMessage,
      label: string,
      until: string,
    ): Promise<StoredMessage> {
      const b = button(card, label);
      expect(b, `${label} button`).toBeDefined();
      await emu.click(card.id, b?.custom_id ?? '', user);
      return emu.waitFor(() => emu.messagesIn(thread).find((m) => m.content.includes(until)), until, 20_000);
    }

    it.each([
      ['Amélie', 194, 'Amélie (2001)'],
      ["Schindler's List", 424, "Schindler's List (1993)"],
    ])(
      `files %s as the linked ${f.name} user, pending their approval (not as the admin)`,
      async (title, tmdbId, shown) => {
        const { thread, results } = await search(fran.id, 'movie', title);
        expect(selectOf(results)?.options?.[0]?.label).toBe(shown);
        const card = await pick(fran.id, thread, results, tmdbId, (m) => m.content.includes(`Request ${shown}?`));
        expect(card.content).toContain('Poster');
        expect(card.content).toContain('https://image.tmdb.org/t/p/w500/poster-');
        expect(card.content).toMatch(/\d of 5 movie requests left \(per 7 days\)/);
        expect(button(card, 'Request in 4K')).toBeUndefined();
        const done = await confirm(fran.id, thread, card, 'Request', 'waiting for an admin to approve');
        expect(done.content).toContain(shown);
        const stored = os.requests.filter((r) => r.tmdbId === tmdbId);
        expect(stored).toHaveLength(1);
        expect(stored[0]?.requestedBy).toBe(overseerrUsers.fran);
        expect(stored[0]?.status).toBe(1);
        expect(
          requestPosts(os)
            .filter((c) => (c.body as { mediaId: number }).mediaId === tmdbId)
            .map((c) => c.apiUser),
        ).toEqual([String(overseerrUsers.fran)]);
        expect(os.violations).toEqual([]);
        expect(emu.state.violations).toEqual([]);
      },
    );

    it('requests exactly the chosen seasons of M*A*S*H as the user linked by discordIds[]', async () => {
      const { thread, results } = await search(sam.id, 'tv', 'M*A*S*H');
      const card = await pick(sam.id, thread, results, 918, (m) => m.content.includes('Choose the seasons'));
      const seasons = selectOf(card);
      expect(seasons?.options?.map((o) => o.value)).toEqual(['all', '0', '1', '2', '3']);
      await emu.select(card.id, seasons?.custom_id ?? '', ['1', '3'], sam.id);
      const confirmCard = await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => m.content.includes('Request seasons 1, 3 of M*A*S*H (1972)?')),
        'season confirm',
        20_000,
      );
      await confirm(sam.id, thread, confirmCard, 'Request seasons 1, 3', 'requested and approved');
      const stored = os.requests.filter((r) => r.tmdbId === 918);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.seasons).toEqual([1, 3]);
      expect(stored[0]?.requestedBy).toBe(overseerrUsers.sam);
    });

    it('offers "notify me too" for a title someone already requested, and subscribes the clicker', async () => {
      const { thread, results } = await search(sam.id, 'movie', 'Amélie');
      const card = await pick(sam.id, thread, results, 194, (m) => m.content.includes('already been requested'));
      const notify = button(card, '🔔 Notify me too');
      expect(notify).toBeDefined();
      await emu.click(card.id, notify?.custom_id ?? '', sam.id);
      await emu.waitFor(
        () =>
          emu
            .messagesIn(thread)
            .find((m) => m.content.includes('I will send you a direct message when Amélie (2001) is available')),
        'subscribed',
        20_000,
      );
      const subs = await worker.stores.subscriptionStore.list({ mediaType: 'movie', tmdbId: 194 });
      expect(subs).toContainEqual({ platform: 'discord', userId: sam.id });
      expect(os.requests.filter((r) => r.tmdbId === 194)).toHaveLength(1);
    });

    it('gives an unlinked family member the linking help and files nothing', async () => {
      const calls = os.log.length;
      const ack = await emu.slash(kid.id, 'request movie', { title: 'Heat' });
      expect(ack.callback.type).toBe(5);
      const help = await emu.waitFor(
        () => [...emu.state.messages.values()].find((m) => m.content.includes(`not linked to an ${f.name} user`)),
        'link help',
        20_000,
      );
      expect(help.content).toContain(`Discord user id ${kid.id}`);
      expect(help.content).toContain('Settings → Notifications → Discord');
      const during = os.log.slice(calls).map((c) => `${c.method} ${c.rawUrl.split('?')[0] ?? ''}`);
      expect(during.filter((c) => c.startsWith('POST') || c.includes('/search'))).toEqual([]);
    });

    it('tells a family member that operator commands are not theirs, naming /request, /requests and /report', async () => {
      await emu.slash(kid.id, 'status', {});
      const refusal = await emu.waitFor(
        () => [...emu.state.messages.values()].find((m) => m.content.includes('/status is for the operator')),
        'refusal',
        20_000,
      );
      expect(refusal.content).toContain('you can use /request, /requests and /report');
    });

    it('explains a query it cannot read and what is accepted', async () => {
      const posts = requestPosts(os).length;
      await emu.slash(quinn.id, 'request movie', { title: 'https://example.com/movie/5' });
      const answer = await emu.waitFor(
        () =>
          [...emu.state.messages.values()].find((m) => m.content.includes('Links from example.com are not understood')),
        'bad query',
        20_000,
      );
      expect(answer.content).toContain('Accepted: a title (optionally with year:1993), tmdb:603');
      expect(requestPosts(os)).toHaveLength(posts);
    });

    it('explains an over-quota refusal with the quota numbers', async () => {
      const { thread, results } = await search(quinn.id, 'movie', 'Heat year:1995');
      expect(selectOf(results)?.options?.map((o) => o.value)).toEqual(['949']);
      const card = await pick(quinn.id, thread, results, 949, (m) => m.content.includes('Request Heat (1995)?'));
      expect(card.content).toContain('0 of 1 movie request left (per 7 days). That is not enough for this request.');
      const refusal = await confirm(quinn.id, thread, card, 'Request', 'used up your movie request quota');
      expect(refusal.content).toContain('(1 movie request per 7 days)');
      expect(os.requests.filter((r) => r.tmdbId === 949)).toHaveLength(0);
    });

    it("refuses someone else's click on a request menu", async () => {
      const { thread, results } = await search(fran.id, 'movie', 'Fast & Furious');
      await emu.select(results.id, selectOf(results)?.custom_id ?? '', ['13804'], sam.id);
      await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => m.content.includes("belongs to fran's request")),
        'refusal',
        20_000,
      );
    });

    it('pages the season picker past 25 options and requests a season from page 2', async () => {
      const { thread, results } = await search(sam.id, 'tv', 'The Simpsons');
      const card = await pick(
        sam.id,
        thread,
        results,
        456,
        (m) => m.content.includes('Choose the seasons') && m.content.includes('Simpsons'),
      );
      const first = selectOf(card);
      expect(first?.options).toHaveLength(25);
      expect(first?.options?.at(-1)?.value).toBe('23');
      await emu.click(card.id, button(card, 'Seasons page 2')?.custom_id ?? '', sam.id);
      const page2 = await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => m.id !== card.id && selectOf(m)?.options?.[1]?.value === '24'),
        'page 2',
        20_000,
      );
      expect(selectOf(page2)?.options?.map((o) => o.value)).toEqual([
        'all',
        ...Array.from({ length: 13 }, (_, i) => String(24 + i)),
      ]);
      await emu.select(page2.id, selectOf(page2)?.custom_id ?? '', ['30'], sam.id);
      const confirmCard = await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => m.content.includes('Request season 30 of The Simpsons (1989)?')),
        'confirm',
        20_000,
      );
      await confirm(sam.id, thread, confirmCard, 'Request season 30', 'requested and approved');
      expect(os.requests.filter((r) => r.tmdbId === 456).map((r) => [...r.seasons])).toEqual([[30]]);
    });

    it('offers "Request in 4K" only to a user with the 4K permission, and files it as 4K', async () => {
      const { thread, results } = await search(uma.id, 'movie', 'tmdb:603');
      const card = await pick(uma.id, thread, results, 603, (m) => m.content.includes('Request The Matrix (1999)?'));
      expect(card.content).toContain('**Status:** available');
      expect(button(card, 'Request')).toBeUndefined();
      await confirm(uma.id, thread, card, 'Request in 4K', 'waiting for an admin to approve');
      expect(os.requests.filter((r) => r.tmdbId === 603).map((r) => [r.requestedBy, r.is4k])).toEqual([[6, true]]);
    });

    it(`says plainly that ${f.name} is down when it is unreachable at confirm time, and nothing is filed`, async () => {
      const { thread, results } = await search(uma.id, 'movie', 'Heat year:1986');
      const card = await pick(uma.id, thread, results, 31264, (m) => m.content.includes('Request Heat (1986)?'));
      await os.down();
      try {
        await confirm(uma.id, thread, card, 'Request', 'is down right now. Nothing was requested');
      } finally {
        await os.up();
      }
      expect(os.requests.filter((r) => r.tmdbId === 31264)).toHaveLength(0);
    });

    it('rate-limits a person past rateLimits.requestsPerHour with a friendly message', async () => {
      const ack = await emu.slash(fran.id, 'request movie', { title: 'Heat' });
      expect(ack.callback.type).toBe(5);
      const refusal = await emu.waitFor(
        () =>
          [...emu.state.messages.values()].find((m) => m.content.includes('used /request 3 times in the last hour')),
        'rate limit',
        20_000,
      );
      expect(refusal.content).toContain('nothing was requested');
    });
  },
);
