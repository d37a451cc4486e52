import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/app/run-service.js';
import { appConfigSchema, type AppConfig } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { createSubscriptionStore } from '../../src/store/subscription-store.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import {
  markAvailable,
  oldTemplateWebhookBody,
  sendWebhook,
  setDownloadStatus,
  webhookBody,
} from '../../lab/emulators/overseerr/overseerr-notify-hooks.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { Transcript, eventually, startTestRedis } from './core-harness.js';

// Overseerr seed users: fran (2, discordId, needs approval), sam (3, discordIds[], auto-approve).
const fran = { id: '200000000000000002', username: 'fran', roleIds: [] };
const sam = { id: '300000000000000003', username: 'sam', roleIds: [] };
const slackKid = 'U0KIDSLACK';
const webhookSecret = 'whsec-notify-test-5f2c9a';
/** Overseerr + Plex, and Jellyseerr + Jellyfin: where availability DMs link, from each server's deep link. */
const flavors = [
  {
    name: 'Overseerr',
    requests: 'overseerr',
    server: 'Plex',
    media: { plex: { url: 'http://127.0.0.1:1', token: 'plex-token-not-used', webUrl: 'https://plex.example.test' } },
    link: 'https://plex.example.test/web/index.html#!/server/emu/details?key=194',
  },
  {
    name: 'Jellyseerr',
    requests: 'jellyseerr',
    server: 'Jellyfin',
    media: {
      jellyfin: { url: 'http://127.0.0.1:1', apiKey: 'jellyfin-key-not-used', webUrl: 'https://jellyfin.example.test' },
    },
    link: 'https://jellyfin.example.test/web/index.html#!/details?id=e2e00000000000000000000000000194',
  },
] as const;
const bull = 'hlb:bull:homelab-bot';

describe.each(flavors)(
  '$name webhook → DM notices (composition root, real worker + Redis, Discord + Slack emulators)',
  (f) => {
    let redis: PrivateRedis;
    let client: Redis;
    let discord: DiscordEmulator;
    let slack: SlackEmulator;
    let overseerr: OverseerrEmulator;
    let config: AppConfig;
    let service: RunningService;
    let amelieRequest: number;
    // Unmasked debug logs: the webhook code itself must never write the header it checks.
    const logs = new Transcript();
    const log = createLogger({ level: 'debug' }, logs.stream);

    const hookUrl = () => `${service.healthUrl}/hooks/overseerr`;
    const discordDms = (userId: string) => {
      const dm = [...discord.state.channels.values()].find((c) => c.type === 1 && c.recipientId === userId);
      return dm === undefined ? [] : discord.messagesIn(dm.id);
    };
    const slackDms = (userId: string) => {
      const channel = slack.dmChannelOf(userId);
      return channel === undefined ? [] : slack.messagesIn(channel);
    };
    /** Finished jobs whose id starts with `idPrefix` (BullMQ keeps them in the completed/failed sets). */
    const finished = async (idPrefix: string): Promise<string[]> => {
      const done = [
        ...(await client.zrange(`${bull}:completed`, 0, -1)),
        ...(await client.zrange(`${bull}:failed`, 0, -1)),
      ];
      return done.filter((id) => id.startsWith(idPrefix));
    };
    const queued = async (idPrefix: string): Promise<number> => (await client.keys(`${bull}:${idPrefix}*`)).length;
    const fileRequest = async (asUser: number, body: Record<string, unknown>): Promise<number> => {
      const res = await fetch(`${overseerr.url}/api/v1/request`, {
        method: 'POST',
        headers: { 'X-Api-Key': overseerr.apiKey, 'X-Api-User': String(asUser), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    type Component = { readonly type: number; readonly custom_id?: string; readonly label?: string };
    const componentsOf = (m: StoredMessage): Component[] =>
      (m.components as { components?: Component[] }[]).flatMap((row) => row.components ?? []);
    /** The real `/request movie` flow up to the 🔔 *Notify me too* button, clicked by `userId`. */
    const notifyMeToo = async (userId: string, title: string, tmdbId: number): Promise<void> => {
      await discord.slash(userId, 'request movie', { title });
      const results = await discord.waitFor(
        () => [...discord.state.messages.values()].find((m) => componentsOf(m).some((c) => c.type === 3)),
        'search results',
        30_000,
      );
      const select = componentsOf(results).find((c) => c.type === 3);
      await discord.select(results.id, select?.custom_id ?? '', [String(tmdbId)], userId);
      const notifyButton = (m: StoredMessage) =>
        componentsOf(m).find((c) => c.type === 2 && c.label === '🔔 Notify me too');
      const card = await discord.waitFor(
        () => [...discord.state.messages.values()].find((m) => notifyButton(m) !== undefined),
        'card with notify me too',
        30_000,
      );
      await discord.click(card.id, notifyButton(card)?.custom_id ?? '', userId);
      await discord.waitFor(
        () => [...discord.state.messages.values()].find((m) => m.content.includes('I will send you a direct message')),
        'subscribed',
        30_000,
      );
    };
    const configWith = async (notifyPoll: string): Promise<AppConfig> =>
      appConfigSchema.parse({
        chat: {
          discord: {
            token: discord.token,
            applicationId: discord.ids.applicationId,
            guildId: discord.ids.guildId,
            reportChannelId: discord.ids.channelId,
            apiUrl: discord.apiUrl,
          },
          slack: {
            botToken: 'xoxb-notify-token',
            signingSecret: 'notify-signing-secret',
            channelId: 'C0NOTIFY1',
            mode: 'http',
            port: await freePort(),
            apiUrl: slack.apiUrl,
          },
        },
        people: [
          { name: 'fran', role: 'family', discordId: fran.id },
          { name: 'sam', role: 'family', discordId: sam.id },
          { name: 'kid', role: 'family', slackId: slackKid },
        ],
        media: {
          [f.requests]: { url: overseerr.url, apiKey: overseerr.apiKey, webhookSecret, notifyPoll },
          ...f.media,
        },
        redis: { url: redis.url },
        http: { host: '127.0.0.1', port: await freePort() },
      });

    beforeAll(async () => {
      redis = await startTestRedis();
      client = new Redis(redis.url);
      discord = await startDiscordEmulator({ users: [fran, sam] });
      slack = await startSlackEmulator({
        botToken: 'xoxb-notify-token',
        signingSecret: 'notify-signing-secret',
        users: { [slackKid]: 'kid' },
      });
      overseerr = await startOverseerrEmulator({ flavor: f.requests });
      config = await configWith('1h');
      service = await startService(config, { bot: true, worker: true }, log);
      // The first poll (run at start) only records a baseline; wait for it so it cannot swallow our notice.
      await eventually(
        async () => ((await finished('repeat:media.notify-poll')).length > 0 ? true : undefined),
        'baseline poll',
      );
      amelieRequest = await fileRequest(2, { mediaType: 'movie', mediaId: 194 });
      await notifyMeToo(sam.id, 'Amélie', 194);
      // A Slack subscriber too (the Slack button flow is request-slack.test.ts's; here only its DM matters).
      const store = createSubscriptionStore({ redis: client, prefix: 'hlb:' });
      await store.subscribe({
        mediaType: 'movie',
        tmdbId: 194,
        requestId: amelieRequest,
        platform: 'slack',
        userId: slackKid,
      });
    }, 90_000);
    afterAll(async () => {
      await service.close();
      await client.quit();
      await overseerr.close();
      await slack.close();
      await discord.stop();
      await redis.stop();
    });

    it('refuses a wrong or missing Authorization header with 401 and queues nothing', async () => {
      markAvailable(overseerr.state, amelieRequest);
      const body = webhookBody(overseerr.state, 'MEDIA_AVAILABLE', amelieRequest);
      expect(await sendWebhook(hookUrl(), 'wrong-secret', body)).toBe(401);
      expect(await sendWebhook(hookUrl(), undefined, body)).toBe(401);
      expect(await sendWebhook(hookUrl(), `Bearer ${webhookSecret}`, body)).toBe(401);
      expect(await sendWebhook(hookUrl(), webhookSecret.slice(0, -1), body)).toBe(401);
      expect(await queued('media.notify-')).toBe(0);
      expect(discordDms(fran.id)).toHaveLength(0);
    });

    it('answers the test notification and ignores other types without queueing', async () => {
      expect(await sendWebhook(hookUrl(), webhookSecret, webhookBody(overseerr.state, 'TEST_NOTIFICATION'))).toBe(200);
      expect(
        await sendWebhook(hookUrl(), webhookSecret, webhookBody(overseerr.state, 'MEDIA_AUTO_APPROVED', amelieRequest)),
      ).toBe(200);
      // MEDIA_PENDING is the family loop's (a card for the operator, family-requests.test.ts): queued, no DM.
      expect(
        await sendWebhook(hookUrl(), webhookSecret, webhookBody(overseerr.state, 'MEDIA_PENDING', amelieRequest)),
      ).toBe(202);
      const res = await fetch(hookUrl(), {
        method: 'POST',
        headers: { authorization: webhookSecret },
        body: JSON.stringify({ notification_type: 'MEDIA_AVAILABLE', media: { media_type: 'movie' } }),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('missing field media.tmdbId');
      expect(logs.text).toContain('overseerr webhook payload unusable (400); the notice poll covers it');
      expect(await queued('media.notify-')).toBe(0);
    });

    it(`DMs the requester and each "notify me too" subscriber once, with a ${f.server} link; a resend and a restart send nothing more`, async () => {
      const body = webhookBody(overseerr.state, 'MEDIA_AVAILABLE', amelieRequest);
      expect(await sendWebhook(hookUrl(), webhookSecret, body)).toBe(202);
      await discord.waitFor(
        () => discordDms(fran.id).length > 0 && discordDms(sam.id).length > 0,
        'two Discord DMs',
        30_000,
      );
      await slack.waitFor(() => slackDms(slackKid).length > 0, 30_000, 'Slack DM');
      const franDm = discordDms(fran.id)[0]?.content ?? '';
      expect(franDm).toContain(`Amélie (2001), which you requested, is now available on ${f.server}`);
      expect(franDm).toContain(f.link);
      expect(discordDms(sam.id)[0]?.content).toContain('you asked me to tell you');
      expect(slackDms(slackKid)[0]?.text).toContain('Amélie (2001)');

      expect(await sendWebhook(hookUrl(), webhookSecret, body)).toBe(202);
      await eventually(
        async () => ((await finished('media.notify-')).length >= 2 ? true : undefined),
        'second webhook job done',
      );

      await service.close();
      service = await startService(config, { bot: true, worker: true }, log);
      expect(await sendWebhook(hookUrl(), webhookSecret, body)).toBe(202);
      await eventually(
        async () => ((await finished('media.notify-')).length >= 3 ? true : undefined),
        'webhook job after restart done',
      );
      expect([discordDms(fran.id).length, discordDms(sam.id).length, slackDms(slackKid).length]).toEqual([1, 1, 1]);
      expect(await client.zcard(`${bull}:failed`)).toBe(0);
    }, 90_000);

    it('an old-template MEDIA_AVAILABLE webhook (no request block) DMs the requester and each subscriber exactly once', async () => {
      const request = await fileRequest(2, { mediaType: 'movie', mediaId: 56292 });
      const store = createSubscriptionStore({ redis: client, prefix: 'hlb:' });
      await store.subscribe({ mediaType: 'movie', tmdbId: 56292, platform: 'discord', userId: sam.id });
      await store.subscribe({
        mediaType: 'movie',
        tmdbId: 56292,
        requestId: request,
        platform: 'slack',
        userId: slackKid,
      });
      markAvailable(overseerr.state, request);
      const body = oldTemplateWebhookBody(overseerr.state, 'MEDIA_AVAILABLE', request);
      expect(body).not.toHaveProperty('request');
      const jobsBefore = (await finished('media.notify-')).length;
      expect(await sendWebhook(hookUrl(), webhookSecret, body)).toBe(202);
      const about = (m: { content?: string; text?: string }) =>
        (m.content ?? m.text ?? '').includes('Mission: Impossible - Ghost Protocol (2011)');
      await discord.waitFor(
        () => discordDms(fran.id).some(about) && discordDms(sam.id).some(about),
        'old-template Discord DMs',
        30_000,
      );
      await slack.waitFor(() => slackDms(slackKid).some(about), 30_000, 'old-template Slack DM');
      expect(await sendWebhook(hookUrl(), webhookSecret, body)).toBe(202);
      await eventually(
        async () => ((await finished('media.notify-')).length >= jobsBefore + 2 ? true : undefined),
        'both old-template jobs done',
      );
      expect([
        discordDms(fran.id).filter(about).length,
        discordDms(sam.id).filter(about).length,
        slackDms(slackKid).filter(about).length,
      ]).toEqual([1, 1, 1]);
      expect(discordDms(fran.id).find(about)?.content).toContain('which you requested');
      expect(await client.zcard(`${bull}:failed`)).toBe(0);
    }, 90_000);

    it('catches a missed webhook with the poll and still sends exactly one notice', async () => {
      const heatRequest = await fileRequest(2, { mediaType: 'movie', mediaId: 949 });
      markAvailable(overseerr.state, heatRequest);
      const before = (await finished('repeat:media.notify-poll')).length;
      await service.close();
      service = await startService(await configWith('1s'), { bot: true, worker: true }, log);
      const heatDms = () => discordDms(fran.id).filter((m) => m.content.includes('Heat (1995)'));
      await discord.waitFor(() => heatDms().length > 0, 'poll notice for Heat', 30_000);
      // Several more polls, then the webhook arrives late: still one notice.
      await eventually(
        async () => ((await finished('repeat:media.notify-poll')).length >= before + 4 ? true : undefined),
        'four more polls',
      );
      expect(
        await sendWebhook(hookUrl(), webhookSecret, webhookBody(overseerr.state, 'MEDIA_AVAILABLE', heatRequest)),
      ).toBe(202);
      await eventually(
        async () => ((await finished('media.notify-')).length >= 6 ? true : undefined),
        'late webhook job done',
      );
      expect(heatDms()).toHaveLength(1);
      expect(discordDms(fran.id).filter((m) => m.content.includes('Amélie'))).toHaveLength(1);
    }, 90_000);

    it('tells only the requester about a declined request, in plain words', async () => {
      const request = await fileRequest(2, { mediaType: 'movie', mediaId: 13804 });
      const declined = () =>
        discordDms(fran.id).filter((m) => m.content.includes('Fast & Furious (2009) was declined'));
      expect(await sendWebhook(hookUrl(), webhookSecret, webhookBody(overseerr.state, 'MEDIA_DECLINED', request))).toBe(
        202,
      );
      await discord.waitFor(() => declined().length > 0, 'declined DM', 30_000);
      expect(discordDms(sam.id).filter((m) => m.content.includes('Fast & Furious'))).toHaveLength(0);
    }, 60_000);

    it("/requests shows the caller's requests with download progress and ETA", async () => {
      const schindler = await fileRequest(3, { mediaType: 'movie', mediaId: 424 });
      expect(overseerr.requests.find((r) => r.id === schindler)?.status).toBe(2);
      setDownloadStatus(overseerr.state, 424, [
        {
          title: "Schindler's List",
          size: 1000,
          sizeLeft: 580,
          estimatedCompletionTime: new Date(Date.now() + 12 * 60_000).toISOString(),
        },
      ]);
      await discord.slash(sam.id, 'requests');
      const reply = await discord.waitFor(
        () => [...discord.state.messages.values()].find((m) => m.content.includes("Schindler's List (1993)")),
        '/requests reply',
        60_000,
      );
      expect(reply.content).toMatch(/Schindler's List \(1993\): ⬇️ downloading 42% · about 1[12] min left/);
      expect(reply.content).not.toContain('Amélie');
    }, 90_000);

    it('never logs the webhook secret or a refused Authorization value', () => {
      expect(logs.text).toContain('overseerr webhook refused');
      expect(logs.text).toContain('overseerr webhook queued');
      expect(logs.text).not.toContain(webhookSecret);
      expect(logs.text).not.toContain('wrong-secret');
    });

    it(`got only contract-valid responses from the ${f.name} emulator`, () => {
      expect(overseerr.violations).toEqual([]);
    });
  },
);
