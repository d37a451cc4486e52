import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/app/run-service.js';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { createAuditTrailStore } from '../../src/store/audit-trail-store.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { eventually, startTestRedis } from './core-harness.js';
import { discordDriver, slackDriver, type ChatMessage, type FamilyChatDriver } from './family-chat-driver.js';

/**
 * The family request loop end to end, once per chat platform: the real service (bot + worker +
 * webhook route), the Overseerr emulator (its webhook agent posting to the bot; every request and
 * reply checked against shared/contracts/overseerr-api.yml), and the Discord or Slack emulator.
 */

const webhookSecret = 'whsec-family-loop-77c1';
const slackChannel = 'C0FAMILY1';
const ids = {
  discord: { olga: '700000000000000007', fran: '200000000000000002', sam: '300000000000000003' },
  slack: { olga: 'U0OLGA007', fran: 'U0FRAN002', sam: 'U0SAM0003' },
} as const;
// Overseerr seed users (overseerr-seed.ts): fran 2 (needs approval), sam 3, olga 7 (manages requests/issues).
const overseerrId = { fran: 2, sam: 3, olga: 7 } as const;

describe.each(['discord', 'slack'] as const)(
  'the family loop on %s (service, Overseerr webhooks, emulators)',
  (platform) => {
    const who = ids[platform];
    let redis: PrivateRedis;
    let client: Redis;
    let overseerr: OverseerrEmulator;
    let discord: DiscordEmulator | undefined;
    let slack: SlackEmulator | undefined;
    let service: RunningService;
    let chat: FamilyChatDriver;

    /** Files a request in Overseerr as that user (what the web UI or /request does). */
    const fileRequest = async (asUser: number, body: Record<string, unknown>): Promise<number> => {
      const res = await fetch(`${overseerr.url}/api/v1/request`, {
        method: 'POST',
        headers: { 'X-Api-Key': overseerr.apiKey, 'X-Api-User': String(asUser), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    /** The admin acting in Overseerr's web UI (no X-Api-User). */
    const adminPost = async (path: string): Promise<void> => {
      const res = await fetch(`${overseerr.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'X-Api-Key': overseerr.apiKey },
      });
      expect(res.status).toBe(200);
    };
    const find = (fragment: string, what = fragment, extra: (m: ChatMessage) => boolean = () => true) =>
      chat.waitFor(() => chat.messages().find((m) => m.text.includes(fragment) && extra(m)), what);
    const card = (title: string) =>
      find(`Waiting for approval: ${title}`, `card for ${title}`, (m) =>
        m.buttons.some((b) => b.label === '✅ Approve'),
      );
    const decisions = (requestId: number) =>
      overseerr.log.filter((c) => c.method === 'POST' && new RegExp(`^/api/v1/request/${requestId}/`).test(c.rawUrl));
    const dmWith = (user: string, fragment: string) =>
      chat.waitFor(() => chat.dms(user).find((t) => t.includes(fragment)), `DM to ${user}: ${fragment}`);
    /** BullMQ jobs finished so far whose id starts with `prefix`. */
    const finished = async (prefix: string): Promise<number> => {
      const done = [
        ...(await client.zrange('hlb:bull:homelab-bot:completed', 0, -1)),
        ...(await client.zrange('hlb:bull:homelab-bot:failed', 0, -1)),
      ];
      return done.filter((id) => id.startsWith(prefix)).length;
    };
    /** Waits until every webhook the emulator sent so far was answered and its job finished. */
    const webhooksSettled = async (): Promise<void> => {
      await eventually(async () => {
        const queued = overseerr.webhooks.filter((w) => w.status === 202).length;
        const done = (await finished('media.notify-')) + (await finished('media.family-'));
        return done >= queued ? true : undefined;
      }, 'webhook jobs done');
    };

    beforeAll(async () => {
      redis = await startTestRedis();
      client = new Redis(redis.url);
      overseerr = await startOverseerrEmulator();
      const people = [
        { name: 'olga', role: 'operator', overseerrUserId: overseerrId.olga },
        { name: 'fran', role: 'family', overseerrUserId: overseerrId.fran },
        { name: 'sam', role: 'family', overseerrUserId: overseerrId.sam },
      ].map((p) => ({
        ...p,
        ...(platform === 'discord' ? { discordId: who[p.name as 'olga'] } : { slackId: who[p.name as 'olga'] }),
      }));
      let chatConfig: Record<string, unknown>;
      if (platform === 'discord') {
        discord = await startDiscordEmulator({
          users: Object.entries(who).map(([username, id]) => ({ id, username, roleIds: [] })),
        });
        chatConfig = {
          discord: {
            token: discord.token,
            applicationId: discord.ids.applicationId,
            guildId: discord.ids.guildId,
            reportChannelId: discord.ids.channelId,
            apiUrl: discord.apiUrl,
          },
        };
        chat = discordDriver(discord);
      } else {
        slack = await startSlackEmulator({
          botToken: 'xoxb-family-token',
          signingSecret: 'family-signing-secret',
          users: Object.fromEntries(Object.entries(who).map(([name, id]) => [id, name])),
          defaultChannel: slackChannel,
        });
        const port = await freePort();
        chatConfig = {
          slack: {
            botToken: 'xoxb-family-token',
            signingSecret: 'family-signing-secret',
            channelId: slackChannel,
            mode: 'http',
            port,
            apiUrl: slack.apiUrl,
          },
        };
        slack.setBotUrl(`http://127.0.0.1:${port}/slack/events`);
        chat = slackDriver(slack, slackChannel);
      }
      const config = appConfigSchema.parse({
        chat: chatConfig,
        people,
        media: { overseerr: { url: overseerr.url, apiKey: overseerr.apiKey, webhookSecret, notifyPoll: '1h' } },
        rateLimits: { requestsPerHour: 3 },
        redis: { url: redis.url },
        http: { host: '127.0.0.1', port: await freePort() },
      });
      service = await startService(config, { bot: true, worker: true }, silentLogger());
      overseerr.setWebhook(`${service.healthUrl}/hooks/overseerr`, webhookSecret);
      // The first poll (at start) records its baseline; wait so it cannot race the tests.
      await eventually(
        async () => ((await finished('repeat:media.notify-poll')) > 0 ? true : undefined),
        'baseline poll',
      );
    }, 120_000);

    afterAll(async () => {
      await service.close();
      await client.quit();
      await overseerr.close();
      await discord?.stop();
      await slack?.close();
      await redis.stop();
    });

    let amelie: number;

    it('posts a pending request to the operator: poster, requester, 4K, quota, Approve and Decline', async () => {
      amelie = await fileRequest(overseerrId.fran, { mediaType: 'movie', mediaId: 194 });
      const c = await card('Amélie (2001)');
      expect(c.text).toContain('fran');
      expect(c.text).toContain('4 of 5 movie requests left');
      expect(c.text).toContain('https://image.tmdb.org/t/p/w500/poster-194.jpg');
      expect(c.text).toMatch(/4K\W+no/);
      expect(c.buttons.map((b) => b.label)).toEqual(['✅ Approve', '🚫 Decline']);
      expect(overseerr.webhooks).toContainEqual({ type: 'MEDIA_PENDING', status: 202 });
    }, 60_000);

    it('refuses Approve from a family member and changes nothing', async () => {
      const c = await card('Amélie (2001)');
      await chat.click(c, '✅ Approve', who.fran);
      await chat.waitFor(
        () => chat.privateFor(who.fran).find((t) => t.includes('Approve') && /operator/i.test(t)),
        'family refusal',
      );
      expect(overseerr.requests.find((r) => r.id === amelie)?.status).toBe(1);
      expect(decisions(amelie)).toEqual([]);
    }, 60_000);

    it('approves once as the operator’s own Overseerr user; the requester hears it once; a second click is refused', async () => {
      const c = await card('Amélie (2001)');
      await chat.click(c, '✅ Approve', who.olga);
      await find(`Approved Amélie (2001) for fran with your Overseerr account. fran was told.`);
      const stored = overseerr.requests.find((r) => r.id === amelie);
      expect([stored?.status, stored?.modifiedBy]).toEqual([2, overseerrId.olga]);
      expect(decisions(amelie).map((d) => [d.rawUrl, d.apiUser, d.status])).toEqual([
        [`/api/v1/request/${amelie}/approve`, String(overseerrId.olga), 200],
      ]);
      await dmWith(who.fran, 'Your request for Amélie (2001) was approved');
      const approveId = c.buttons.find((b) => b.label === '✅ Approve')?.id ?? '';
      await chat.clickAgain(c, approveId, who.olga);
      await chat.waitFor(
        () => chat.privateFor(who.olga).find((t) => t.includes('already used')),
        'double click refused',
      );
      // Overseerr's own MEDIA_APPROVED webhook arrives too: still one DM.
      await chat.waitFor(() => overseerr.webhooks.find((w) => w.type === 'MEDIA_APPROVED'), 'MEDIA_APPROVED webhook');
      await webhooksSettled();
      expect(decisions(amelie)).toHaveLength(1);
      expect(chat.dms(who.fran).filter((t) => t.includes('Amélie'))).toHaveLength(1);
    }, 90_000);

    it('declines with the reason the operator picks, and tells the requester why', async () => {
      const heat = await fileRequest(overseerrId.fran, { mediaType: 'movie', mediaId: 949 });
      const c = await card('Heat (1995)');
      await chat.click(c, '🚫 Decline', who.olga);
      const ask = await find('Decline Heat (1995)?', 'reason menu', (m) => m.select !== undefined);
      expect(overseerr.requests.find((r) => r.id === heat)?.status).toBe(1);
      expect(ask.select?.values).toContain('space');
      await chat.select(ask, 'space', who.olga);
      await find('Declined Heat (1995) for fran');
      expect(overseerr.requests.find((r) => r.id === heat)?.status).toBe(3);
      expect(decisions(heat).map((d) => [d.rawUrl, d.apiUser])).toEqual([
        [`/api/v1/request/${heat}/decline`, String(overseerrId.olga)],
      ]);
      const dm = await dmWith(who.fran, 'Heat (1995) was declined');
      expect(dm).toContain('Reason: Not enough storage space right now.');
      await webhooksSettled();
      expect(chat.dms(who.fran).filter((t) => t.includes('Heat'))).toHaveLength(1);
    }, 90_000);

    it('re-checks Overseerr on click: a request approved in the web UI meanwhile is left alone', async () => {
      const schindler = await fileRequest(overseerrId.fran, { mediaType: 'movie', mediaId: 424 });
      const c = await card("Schindler's List (1993)");
      await adminPost(`/request/${schindler}/approve`);
      await chat.click(c, '✅ Approve', who.olga);
      await find("The request for Schindler's List (1993) is already approved by admin, so I did nothing.");
      expect(decisions(schindler).map((d) => d.apiUser)).toEqual([undefined]);
    }, 90_000);

    it('/requests pending lists what waits, oldest first, with the same buttons; the family may not use it', async () => {
      const mi = await fileRequest(overseerrId.fran, { mediaType: 'movie', mediaId: 56292 });
      const mash = await fileRequest(overseerrId.fran, { mediaType: 'tv', mediaId: 918, seasons: [1, 2] });
      await card('M*A*S*H (1972)');
      const before = chat.messages().length;
      await chat.slash(who.olga, 'requests', { pending: true });
      const summary = await find('2 requests waiting, oldest first');
      const order = ['Mission: Impossible - Ghost Protocol (2011)', 'M*A*S*H (1972)'].map((t) =>
        summary.text.indexOf(t),
      );
      expect(order[0]).toBeGreaterThan(-1);
      expect(order[0]).toBeLessThan(order[1] ?? -1);
      const listed = await chat.waitFor(
        () =>
          chat
            .messages()
            .slice(before)
            .find((m) => m.text.includes('Waiting for approval: M*A*S*H (1972)') && m.buttons.length === 2),
        'M*A*S*H card in the list',
      );
      expect(listed.text).toContain('1, 2');
      await chat.click(listed, '✅ Approve', who.olga);
      await find('Approved M*A*S*H (1972) for fran');
      expect(overseerr.requests.find((r) => r.id === mash)?.status).toBe(2);
      expect(overseerr.requests.find((r) => r.id === mi)?.status).toBe(1);
      await chat.slash(who.fran, 'requests', { pending: true });
      await chat.waitFor(
        () => chat.privateFor(who.fran).find((t) => t.includes('/requests pending')),
        'family refused /requests pending',
      );
    }, 90_000);

    let matrixIssue: number;

    it('/report files an issue as the reporter with the right type and media; the operator gets a card', async () => {
      await chat.slash(who.fran, 'report', { message: 'no sound after 20 minutes', title: 'The Matrix' });
      const ask = await find('What kind of problem is it?', 'problem buttons', (m) => m.buttons.length === 4);
      await chat.click(ask, '🔇 Audio', who.fran);
      await find('Thanks! I told the operator about an audio problem with The Matrix (1999)');
      const issue = overseerr.state.issues.at(-1);
      matrixIssue = issue?.id ?? 0;
      expect(issue).toMatchObject({
        issueType: 2,
        tmdbId: 603,
        createdBy: overseerrId.fran,
        problemSeason: 0,
        problemEpisode: 0,
      });
      expect(issue?.comments[0]?.message).toBe('no sound after 20 minutes');
      const post = overseerr.log.find((c) => c.method === 'POST' && c.rawUrl === '/api/v1/issue');
      expect(post?.apiUser).toBe(String(overseerrId.fran));
      expect(post?.body).toEqual({
        issueType: 2,
        message: 'no sound after 20 minutes',
        mediaId: overseerr.state.media.get(603)?.id,
      });
      const issueCard = await find('Problem reported: The Matrix (1999)', 'issue card', (m) =>
        m.buttons.some((b) => b.label === '✅ Resolve'),
      );
      expect(issueCard.text).toContain('no sound after 20 minutes');
      expect(issueCard.text).toContain('Audio');
    }, 90_000);

    it('/report on a series asks for season and episode and files them', async () => {
      overseerr.setMediaStatus(918, 5);
      await chat.slash(who.fran, 'report', { message: 'subtitles out of sync' });
      const pick = await find(
        'Which of your recent titles has the problem?',
        'title menu',
        (m) => m.select !== undefined,
      );
      expect(pick.select?.values).toEqual(['tv:918']);
      await chat.select(pick, 'tv:918', who.fran);
      const season = await find('Which season has the problem?', 'season menu', (m) => m.select !== undefined);
      await chat.select(season, '2', who.fran);
      const episode = await find('Which episode of season 2?', 'episode menu', (m) => m.select !== undefined);
      await chat.select(episode, '5', who.fran);
      const ask = await find(
        'What kind of problem is it?',
        'problem buttons',
        (m) => m.buttons.some((b) => b.label === '💬 Subtitles') && !m.text.includes('The Matrix'),
      );
      await chat.click(ask, '💬 Subtitles', who.fran);
      await find('a subtitle problem with M*A*S*H (1972) (season 2, episode 5)');
      expect(overseerr.state.issues.at(-1)).toMatchObject({
        issueType: 3,
        tmdbId: 918,
        createdBy: overseerrId.fran,
        problemSeason: 2,
        problemEpisode: 5,
      });
    }, 90_000);

    it('an answer and a resolve from chat reach the reporter once each; a reopen in the web UI too', async () => {
      await chat.slash(who.olga, 'issue comment', { issue: matrixIssue, message: 'Replaced the file, try again' });
      await find(`Answer sent. fran was told.`);
      await dmWith(
        who.fran,
        'olga answered your problem report about The Matrix (1999): "Replaced the file, try again"',
      );
      const comment = overseerr.log.find((c) => c.rawUrl === `/api/v1/issue/${matrixIssue}/comment`);
      expect(comment?.apiUser).toBe(String(overseerrId.olga));
      const issueCard = await find('Problem reported: The Matrix (1999)', 'issue card', (m) =>
        m.buttons.some((b) => b.label === '✅ Resolve'),
      );
      await chat.click(issueCard, '✅ Resolve', who.fran);
      await chat.waitFor(
        () => chat.privateFor(who.fran).find((t) => t.includes('Resolve') && /operator/i.test(t)),
        'family may not resolve',
      );
      await chat.click(issueCard, '✅ Resolve', who.olga);
      await find('Marked the problem with The Matrix (1999) fixed. fran was told.');
      await dmWith(who.fran, 'The problem you reported with The Matrix (1999) is marked fixed');
      expect(overseerr.state.issues.find((i) => i.id === matrixIssue)?.status).toBe(2);
      await webhooksSettled();
      await adminPost(`/issue/${matrixIssue}/open`);
      await dmWith(who.fran, 'The Matrix (1999) was reopened');
      await webhooksSettled();
      const aboutMatrix = chat.dms(who.fran).filter((t) => t.includes('The Matrix'));
      expect(aboutMatrix).toHaveLength(3);
    }, 120_000);

    it('says so kindly when there is nothing to report on, and rate-limits /report like /request', async () => {
      await chat.slash(who.sam, 'report', { message: 'it stutters' });
      await find("I couldn't find anything you requested that is on Plex yet");
      // Different words each time: identical commands in a row are deduplicated before any limit.
      await chat.slash(who.sam, 'report', { message: 'it stutters again' });
      await chat.slash(who.sam, 'report', { message: 'the picture freezes' });
      await chat.slash(who.sam, 'report', { message: 'no sound at all' });
      await find('You have used /request and /report 3 times in the last hour');
    }, 90_000);

    it('keeps every decision in the audit trail and sent only contract-valid calls', async () => {
      const trail = await createAuditTrailStore({ redis: client, prefix: 'hlb:' }).since(new Date(0));
      const events = trail.filter((e) => e.stack === 'media').map((e) => `${e.event}:${e.who.id}`);
      expect(events).toEqual(
        expect.arrayContaining([
          `request-approved:${who.olga}`,
          `request-declined:${who.olga}`,
          `issue-reported:${who.fran}`,
          `issue-commented:${who.olga}`,
          `issue-resolved:${who.olga}`,
        ]),
      );
      expect(overseerr.violations).toEqual([]);
      expect(overseerr.requestViolations).toEqual([]);
    });
  },
);
