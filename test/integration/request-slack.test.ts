import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackChat } from '../../src/bot/slack/slack-chat.js';
import { createSlackWebClient } from '../../src/bot/slack/slack-web-client.js';
import type { Person } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import type { FakeMessage } from '../../lab/emulators/slack/slack-store.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { overseerrUsers, requestFlavors, requestPosts, startRequestWorker } from './request-harness.js';
import { startSlackBot, type SlackStackOptions } from './slack-stack.js';

const secrets = { botToken: 'xoxb-request-token', signingSecret: 'request-signing-secret' };
const channel = 'C0MEDIA01';
const fran = 'U0FRAN001';
const sam = 'U0SAM0001';
const quinn = 'U0QUINN01';
const kid = 'U0KID0001';
const nora = 'U0NORA001';
// Slack users are linked only through the people table (Overseerr has no Slack id field).
const people: Person[] = [
  { name: 'fran', role: 'family', slackId: fran, overseerrUserId: overseerrUsers.fran },
  { name: 'sam', role: 'family', slackId: sam, overseerrUserId: overseerrUsers.sam },
  { name: 'quinn', role: 'family', slackId: quinn, overseerrUserId: overseerrUsers.quinn },
  { name: 'kid', role: 'family', slackId: kid },
  { name: 'nora', role: 'family', slackId: nora, overseerrUserId: 5 },
];

interface Element {
  readonly type: string;
  readonly action_id: string;
  readonly text?: { text: string };
  readonly options?: { value: string }[];
}
const elementsOf = (m: FakeMessage): Element[] =>
  m.blocks.flatMap((b) => ((b as { type: string }).type === 'actions' ? (b as { elements: Element[] }).elements : []));
const selectOf = (m: FakeMessage): Element | undefined => elementsOf(m).find((e) => e.type.endsWith('static_select'));
const button = (m: FakeMessage, label: string): Element | undefined =>
  elementsOf(m).find((e) => e.type === 'button' && e.text?.text === label);
const textOf = (m: FakeMessage): string => `${m.text}\n${JSON.stringify(m.blocks)}`;

describe.each(requestFlavors)('/request on Slack (real Bolt, Slack + $name emulators, worker, redis)', (f) => {
  let redis: PrivateRedis;
  let fake: SlackEmulator;
  let os: OverseerrEmulator;
  let bot: Awaited<ReturnType<typeof startSlackBot>>;
  let worker: ReturnType<typeof startRequestWorker>;

  beforeAll(async () => {
    redis = await startTestRedis();
    os = await startOverseerrEmulator({ flavor: f.flavor });
    fake = await startSlackEmulator({
      ...secrets,
      users: { [fran]: 'fran', [sam]: 'sam', [quinn]: 'quinn', [kid]: 'kid', [nora]: 'nora' },
    });
    const opts: SlackStackOptions = {
      fake,
      ...secrets,
      redisUrl: redis.url,
      prefix: uniquePrefix(),
      access: { people },
    };
    bot = await startSlackBot(opts);
    const log = silentLogger();
    const chat = new SlackChat(
      createSlackWebClient({ botToken: secrets.botToken, apiUrl: fake.apiUrl, retries: 0 }, log),
      log,
    );
    worker = startRequestWorker({
      overseerr: os,
      redisUrl: redis.url,
      prefix: opts.prefix,
      people,
      chats: { slack: chat },
    });
  });
  afterAll(async () => {
    await bot.stop();
    await worker.stop();
    await fake.close();
    await os.close();
    await redis.stop();
  });

  /** `/request <kind> <title>`: returns the thread ts and the message with the results select. */
  async function search(
    user: string,
    kind: 'movie' | 'tv',
    title: string,
  ): Promise<{ thread: string; results: FakeMessage }> {
    const before = new Set(fake.messagesIn(channel).map((m) => m.ts));
    const ack = await fake.slash(user, '/request', `${kind} ${title}`, { channel });
    expect(ack.timedOut).toBe(false);
    const root = await fake.waitFor(
      () => fake.messagesIn(channel).find((m) => !before.has(m.ts) && m.text.includes('/request')),
      10_000,
      'public reply',
    );
    const results = await fake.waitFor(
      () => fake.messagesIn(channel, root.ts).find((m) => selectOf(m) !== undefined),
      20_000,
      `results for ${title}`,
    );
    return { thread: root.ts, results };
  }

  const next = (thread: string, fragment: string): Promise<FakeMessage> =>
    fake.waitFor(() => fake.messagesIn(channel, thread).find((m) => textOf(m).includes(fragment)), 20_000, fragment);

  it(`files Amélie as the ${f.name} user from the people table, pending approval`, async () => {
    const { thread, results } = await search(fran, 'movie', 'Amélie');
    await fake.select(results.ts, selectOf(results)?.action_id ?? '', ['194'], fran);
    const card = await next(thread, 'Request Amélie (2001)?');
    expect(textOf(card)).toContain('5 of 5 movie requests left');
    await fake.clickButton(card.ts, button(card, 'Request')?.action_id ?? '', undefined, fran);
    await next(thread, 'waiting for an admin to approve');
    const stored = os.requests.filter((r) => r.tmdbId === 194);
    expect(stored.map((r) => [r.requestedBy, r.status])).toEqual([[overseerrUsers.fran, 1]]);
    expect(requestPosts(os).map((c) => c.apiUser)).toEqual([String(overseerrUsers.fran)]);
    expect(os.violations).toEqual([]);
  });

  it('requests exactly the chosen seasons of M*A*S*H', async () => {
    const { thread, results } = await search(sam, 'tv', 'M*A*S*H');
    await fake.select(results.ts, selectOf(results)?.action_id ?? '', ['918'], sam);
    const card = await next(thread, 'Choose the seasons');
    const seasons = selectOf(card);
    expect(seasons?.type).toBe('multi_static_select');
    expect(seasons?.options?.map((o) => o.value)).toEqual(['all', '0', '1', '2', '3']);
    await fake.select(card.ts, seasons?.action_id ?? '', ['2', '0'], sam);
    const confirmCard = await next(thread, 'Request seasons specials, 2 of M*A*S*H (1972)?');
    await fake.clickButton(
      confirmCard.ts,
      button(confirmCard, 'Request seasons specials, 2')?.action_id ?? '',
      undefined,
      sam,
    );
    await next(thread, 'requested and approved');
    const stored = os.requests.filter((r) => r.tmdbId === 918);
    expect(stored.map((r) => [r.requestedBy, [...r.seasons]])).toEqual([[overseerrUsers.sam, [0, 2]]]);
  });

  it('gives a family member without overseerrUserId the linking help and files nothing', async () => {
    const calls = os.log.length;
    await fake.slash(kid, '/request', "movie Schindler's List", { channel });
    const help = await fake.waitFor(
      () =>
        fake
          .messagesIn(channel)
          .flatMap((m) => fake.messagesIn(channel, m.ts))
          .find((m) => textOf(m).includes(`not linked to an ${f.name} user`)),
      20_000,
      'link help',
    );
    expect(textOf(help)).toContain(`next to your slack id ${kid}`);
    expect(os.log.slice(calls).filter((c) => c.method === 'POST' || c.rawUrl.includes('/search'))).toEqual([]);
  });

  it('explains the over-quota refusal', async () => {
    const { thread, results } = await search(quinn, 'movie', 'Heat year:1986');
    await fake.select(results.ts, selectOf(results)?.action_id ?? '', ['31264'], quinn);
    const card = await next(thread, 'Request Heat (1986)?');
    await fake.clickButton(card.ts, button(card, 'Request')?.action_id ?? '', undefined, quinn);
    const refusal = await next(thread, 'used up your movie request quota');
    expect(textOf(refusal)).toContain('(1 movie request per 7 days)');
    expect(os.requests.filter((r) => r.tmdbId === 31264)).toHaveLength(0);
  });

  it(`explains that the ${f.name} account may not request at all`, async () => {
    const { thread, results } = await search(nora, 'movie', 'Fast & Furious');
    await fake.select(results.ts, selectOf(results)?.action_id ?? '', ['13804'], nora);
    const card = await next(thread, 'Request Fast');
    await fake.clickButton(card.ts, button(card, 'Request')?.action_id ?? '', undefined, nora);
    const refusal = await next(thread, 'ask an admin to allow requests for you');
    expect(textOf(refusal)).toContain('Your account may not request Fast');
    expect(os.requests.filter((r) => r.tmdbId === 13804)).toHaveLength(0);
  });

  it(`honours ${f.name}'s partial-request setting: whole series only, no season picker`, async () => {
    os.state.partialRequestsEnabled = false;
    const { thread, results } = await search(sam, 'tv', 'The Simpsons');
    await fake.select(results.ts, selectOf(results)?.action_id ?? '', ['456'], sam);
    const card = await next(thread, `${f.name} requests whole series only`);
    expect(selectOf(card)).toBeUndefined();
    await fake.clickButton(card.ts, button(card, 'Request all seasons')?.action_id ?? '', undefined, sam);
    await next(thread, 'requested and approved');
    const post = requestPosts(os).at(-1);
    expect(post?.body).toEqual({ mediaType: 'tv', mediaId: 456, is4k: false, seasons: 'all' });
    expect(os.requests.filter((r) => r.tmdbId === 456).map((r) => r.seasons.length)).toEqual([37]);
  });
});
