import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import type { Person } from '../../src/config/schema.js';
import { notifyRequest } from '../../src/commands/requests/media-notify.js';
import { silentLogger } from '../../src/log.js';
import { createNoticeOverseerr } from '../../src/media/notify-overseerr.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, type StackOptions } from './discord-stack.js';
import { requestFlavors, requestPosts, startRequestWorker } from './request-harness.js';

const fran = { id: '200000000000000002', username: 'fran', roleIds: [] };
const sam = { id: '300000000000000033', username: 'sam', roleIds: [] };
const quinn = { id: '400000000000000004', username: 'quinn', roleIds: [] };
const people: Person[] = [fran, sam, quinn].map((u) => ({ name: u.username, role: 'family', discordId: u.id }));

interface Component {
  readonly type: number;
  readonly custom_id?: string;
  readonly label?: string;
  readonly options?: { value: string }[];
}
const componentsOf = (m: StoredMessage): Component[] =>
  (m.components as { components?: Component[] }[]).flatMap((row) => row.components ?? []);
const button = (m: StoredMessage, label: string): Component | undefined =>
  componentsOf(m).find((c) => c.type === 2 && c.label === label);

describe.each(requestFlavors)(
  'reusable and single-use buttons of /request (Discord + $name emulators, worker, redis)',
  (f) => {
    let redis: PrivateRedis;
    let emu: DiscordEmulator;
    let os: OverseerrEmulator;
    let bot: Awaited<ReturnType<typeof startDiscordBot>>;
    let worker: ReturnType<typeof startRequestWorker>;
    let chat: DiscordChat;

    beforeAll(async () => {
      redis = await startTestRedis();
      os = await startOverseerrEmulator({ flavor: f.flavor });
      emu = await startDiscordEmulator({ users: [fran, sam, quinn] });
      const opts: StackOptions = {
        emu,
        redisUrl: redis.url,
        prefix: uniquePrefix(),
        access: { people },
        places: { discord: { workspaceId: emu.ids.guildId, channelIds: [emu.ids.channelId] } },
      };
      bot = await startDiscordBot(opts);
      chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: silentLogger() });
      worker = startRequestWorker({
        overseerr: os,
        redisUrl: redis.url,
        prefix: opts.prefix,
        people,
        chats: { discord: chat },
      });
    });
    afterAll(async () => {
      await bot.stop();
      await worker.stop();
      await emu.stop();
      await os.close();
      await redis.stop();
      expect(emu.pings()).toEqual([]);
    });

    /** `/request movie <title>` by `user`, then picks `tmdbId`; resolves with the thread and the card that matches. */
    async function card(
      user: string,
      title: string,
      tmdbId: number,
      until: (m: StoredMessage) => boolean,
    ): Promise<{ thread: string; card: StoredMessage }> {
      const before = new Set(emu.messagesIn(emu.ids.channelId).map((m) => m.id));
      await emu.slash(user, 'request movie', { title });
      const root = await emu.waitFor(
        () => emu.messagesIn(emu.ids.channelId).find((m) => !before.has(m.id) && m.threadId !== null),
        'threaded reply',
        20_000,
      );
      const thread = root.threadId ?? '';
      const results = await emu.waitFor(
        () => emu.messagesIn(thread).find((m) => componentsOf(m).some((c) => c.type === 3)),
        'results',
        20_000,
      );
      const select = componentsOf(results).find((c) => c.type === 3);
      await emu.select(results.id, select?.custom_id ?? '', [String(tmdbId)], user);
      return {
        thread,
        card: await emu.waitFor(
          () => emu.messagesIn(thread).find((m) => m.id !== results.id && until(m)),
          'card',
          20_000,
        ),
      };
    }

    it('gives each family member who clicks "Notify me too" their own run, and both get one DM when it is available', async () => {
      const first = await card(fran.id, 'Amélie', 194, (m) => button(m, 'Request') !== undefined);
      const posts = requestPosts(os).length;
      await emu.click(first.card.id, button(first.card, 'Request')?.custom_id ?? '', fran.id);
      await emu.waitFor(() => (requestPosts(os).length > posts ? true : undefined), 'Amélie filed by fran', 20_000);
      const { thread, card: c } = await card(sam.id, 'Amélie', 194, (m) =>
        m.content.includes('already been requested'),
      );
      const notify = button(c, '🔔 Notify me too');
      expect(notify).toBeDefined();
      await emu.click(c.id, notify?.custom_id ?? '', sam.id);
      await emu.click(c.id, notify?.custom_id ?? '', quinn.id);
      const subscribed = (): StoredMessage[] =>
        emu
          .messagesIn(thread)
          .filter((m) => m.content.includes('I will send you a direct message when Amélie (2001) is available'));
      await emu.waitFor(() => (subscribed().length >= 2 ? true : undefined), 'two subscriptions', 20_000);
      expect(subscribed()).toHaveLength(2);
      const subs = await worker.stores.subscriptionStore.list({ mediaType: 'movie', tmdbId: 194 });
      expect(subs).toEqual(
        expect.arrayContaining([
          { platform: 'discord', userId: sam.id },
          { platform: 'discord', userId: quinn.id },
        ]),
      );

      const deps = {
        overseerr: createNoticeOverseerr({ url: os.url, apiKey: os.apiKey, timeoutMs: 5_000, flavor: f.flavor }),
        people,
        chats: { discord: chat },
        store: worker.stores.subscriptionStore,
      };
      const notice = {
        event: 'MEDIA_AVAILABLE' as const,
        requestId: 9_001,
        mediaType: 'movie' as const,
        tmdbId: 194,
        is4k: false,
        subject: 'Amélie (2001)',
        requester: {},
        source: 'webhook' as const,
      };
      await notifyRequest(deps, notice, undefined, silentLogger());
      await notifyRequest(deps, notice, undefined, silentLogger());
      const dmsTo = (userId: string): StoredMessage[] => {
        const dm = [...emu.state.channels.values()].find((ch) => ch.type === 1 && ch.recipientId === userId);
        return dm === undefined ? [] : emu.messagesIn(dm.id).filter((m) => m.content.includes('Amélie'));
      };
      expect(dmsTo(sam.id)).toHaveLength(1);
      expect(dmsTo(quinn.id)).toHaveLength(1);
    });

    it("refuses a family member's click on another user's single-use Request button without using it up; the owner's click files it", async () => {
      const { thread, card: c } = await card(
        fran.id,
        "Schindler's List",
        424,
        (m) => button(m, 'Request') !== undefined,
      );
      const request = button(c, 'Request');
      const posts = requestPosts(os).length;
      await emu.click(c.id, request?.custom_id ?? '', quinn.id);
      const refusal = await emu.waitFor(
        () => [...emu.state.messages.values()].find((m) => m.content.includes("belongs to fran's request")),
        'refusal',
        10_000,
      );
      expect(refusal.flags & 64).toBe(64);
      expect((await worker.stores.actionStore.get((request?.custom_id ?? '').slice(4)))?.status).toBe('pending');
      expect(requestPosts(os)).toHaveLength(posts);
      await emu.click(c.id, request?.custom_id ?? '', fran.id);
      await emu.waitFor(() => (requestPosts(os).length > posts ? true : undefined), 'request filed', 20_000);
      expect(requestPosts(os)).toHaveLength(posts + 1);
      expect(emu.messagesIn(thread).some((m) => m.content.includes('quinn clicked'))).toBe(false);
    });
  },
);
