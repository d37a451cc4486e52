import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/app/run-service.js';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { freePort, type PrivateRedis } from '../../src/store/private-redis.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { issueWebhookBody } from '../../lab/emulators/overseerr/overseerr-issue-hooks.js';
import { sendWebhook } from '../../lab/emulators/overseerr/overseerr-notify-hooks.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { eventually, startTestRedis } from './core-harness.js';
import { discordDriver, type FamilyChatDriver } from './family-chat-driver.js';

/**
 * The family loop without webhooks (Overseerr's agent is off, as when the webhook is not set up
 * or a call was lost): the backup poll still brings pending requests and new issues to the
 * operator and answers and resolves to the reporter, once; an older template's issue webhook
 * (no `{{issue}}` block) is acknowledged and changes nothing that was already sent.
 */

const webhookSecret = 'whsec-family-poll-31d0';
const olga = '700000000000000007';
const fran = '200000000000000002';

describe('the family loop by the backup poll alone (Discord)', () => {
  let redis: PrivateRedis;
  let client: Redis;
  let overseerr: OverseerrEmulator;
  let discord: DiscordEmulator;
  let service: RunningService;
  let chat: FamilyChatDriver;

  const call = async (method: string, path: string, asUser?: number, body?: unknown): Promise<{ id: number }> => {
    const res = await fetch(`${overseerr.url}/api/v1${path}`, {
      method,
      headers: {
        'X-Api-Key': overseerr.apiKey,
        'Content-Type': 'application/json',
        ...(asUser === undefined ? {} : { 'X-Api-User': String(asUser) }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { id: number };
  };
  const polls = async (): Promise<number> =>
    (await client.zrange('hlb:bull:homelab-bot:completed', 0, -1)).filter((id) =>
      id.startsWith('repeat:media.notify-poll'),
    ).length;

  beforeAll(async () => {
    redis = await startTestRedis();
    client = new Redis(redis.url);
    overseerr = await startOverseerrEmulator();
    discord = await startDiscordEmulator({
      users: [
        { id: olga, username: 'olga', roleIds: [] },
        { id: fran, username: 'fran', roleIds: [] },
      ],
    });
    chat = discordDriver(discord);
    const config = appConfigSchema.parse({
      chat: {
        discord: {
          token: discord.token,
          applicationId: discord.ids.applicationId,
          guildId: discord.ids.guildId,
          reportChannelId: discord.ids.channelId,
          apiUrl: discord.apiUrl,
        },
      },
      people: [
        { name: 'olga', role: 'operator', discordId: olga, overseerrUserId: 7 },
        { name: 'fran', role: 'family', discordId: fran, overseerrUserId: 2 },
      ],
      media: { overseerr: { url: overseerr.url, apiKey: overseerr.apiKey, webhookSecret, notifyPoll: '1s' } },
      redis: { url: redis.url },
      http: { host: '127.0.0.1', port: await freePort() },
    });
    service = await startService(config, { bot: true, worker: true }, silentLogger());
    await eventually(async () => ((await polls()) > 0 ? true : undefined), 'baseline poll');
  }, 120_000);

  afterAll(async () => {
    await service.close();
    await client.quit();
    await overseerr.close();
    await discord.stop();
    await redis.stop();
  });

  it('brings a pending request and a new issue to the operator, and the answer and the fix to the reporter', async () => {
    await call('POST', '/request', 2, { mediaType: 'movie', mediaId: 194 });
    await chat.waitFor(
      () =>
        chat.messages().find((m) => m.text.includes('Waiting for approval: Amélie (2001)') && m.buttons.length === 2),
      'pending card by the poll',
    );
    const issue = await call('POST', '/issue', 2, {
      issueType: 1,
      message: 'the picture is green',
      mediaId: overseerr.state.media.get(603)?.id,
    });
    await chat.waitFor(
      () => chat.messages().find((m) => m.text.includes('Problem reported: The Matrix (1999)')),
      'issue card by the poll',
    );
    await call('POST', `/issue/${issue.id}/comment`, undefined, { message: 'Looking into it' });
    await chat.waitFor(() => chat.dms(fran).find((t) => t.includes('"Looking into it"')), 'answer by the poll');
    await call('POST', `/issue/${issue.id}/resolved`);
    await chat.waitFor(() => chat.dms(fran).find((t) => t.includes('is marked fixed')), 'fix by the poll');
    // An older template's ISSUE_COMMENT (no {{issue}} block) is taken, and sends nothing twice.
    const old = issueWebhookBody(overseerr.state, 'ISSUE_COMMENT', issue.id, undefined, true);
    expect(old).not.toHaveProperty('issue');
    expect(await sendWebhook(`${service.healthUrl}/hooks/overseerr`, webhookSecret, old)).toBe(202);
    const before = await polls();
    await eventually(async () => ((await polls()) >= before + 3 ? true : undefined), 'three more polls');
    expect(chat.dms(fran)).toHaveLength(2);
    const cards = chat
      .messages()
      .filter((m) => m.text.includes('Problem reported: The Matrix (1999)') && m.buttons.length > 0);
    expect(cards).toHaveLength(1);
    expect(
      chat.messages().filter((m) => m.text.includes('Waiting for approval: Amélie') && m.buttons.length > 0),
    ).toHaveLength(1);
    expect(overseerr.violations).toEqual([]);
    expect(overseerr.requestViolations).toEqual([]);
  }, 120_000);
});
