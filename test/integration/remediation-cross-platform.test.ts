import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatPort, MessageRef, ThreadRef } from '../../src/chat/chat-port.js';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { SlackChat } from '../../src/bot/slack/slack-chat.js';
import { createSlackWebClient } from '../../src/bot/slack/slack-web-client.js';
import { UserError } from '../../src/errors.js';
import type { Forge } from '../../src/forge/forge.js';
import { createGitHubForge } from '../../src/forge/github-forge.js';
import { wired } from './wired.js';
import { remediationProcessors } from '../../src/commands/remediation/remediation-processors.js';
import { startWorker, type RunningWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../lab/emulators/github/github-emulator.js';
import { startSlackEmulator, type SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot } from './discord-stack.js';
import { bareGit } from './remediation-harness.js';
import { startSlackBot } from './slack-stack.js';
import { bindJobs } from '../../src/commands/registry.js';

const log = silentLogger();
const slackSecrets = { botToken: 'xoxb-remediation', signingSecret: 'remediation-signing' };
const slackChannel = 'C0REMED01';
const aliceDiscord = { id: '120000000000000001', username: 'alice', roleIds: [] };
const aliceSlack = 'U0ALICE01';
const access = {
  people: [{ name: 'alice', role: 'operator' as const, discordId: aliceDiscord.id, slackId: aliceSlack }],
};

describe('Approve clicked on Discord and on Slack at once (both bots, one worker, GitHub emulator)', () => {
  let redis: PrivateRedis;
  let emu: DiscordEmulator;
  let fake: SlackEmulator;
  let gh: GitHubEmulator;
  let forge: Forge;
  let stores: Stores;
  let worker: RunningWorker;
  let chats: { discord: ChatPort; slack: ChatPort };
  const stops: (() => Promise<void>)[] = [];
  const prefix = uniquePrefix();

  beforeAll(async () => {
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [aliceDiscord] });
    fake = await startSlackEmulator({ ...slackSecrets, users: { [aliceSlack]: 'alice' } });
    gh = await startGitHubEmulator({
      files: { 'stacks/web/docker-compose.yml': 'services:\n  web:\n    image: nginx:1.25\n' },
    });
    forge = createGitHubForge({
      owner: gh.owner,
      repo: gh.repo,
      token: gh.token,
      apiUrl: gh.url,
      cloneUrl: gh.cloneUrl,
      log,
    });
    stores = createStores({ redisUrl: redis.url, prefix });
    chats = {
      discord: new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: log }),
      slack: new SlackChat(
        createSlackWebClient({ botToken: slackSecrets.botToken, apiUrl: fake.apiUrl, retries: 0 }, log),
        log,
      ),
    };
    const remediation = {
      audit: () => Promise.reject(new UserError('no-drift', 'not used here')),
      forge,
      apps: { branch: 'main', stacksDir: 'stacks' },
      hosts: [],
      tmpDir: join(tmpdir(), `hlb-cross-${prefix.slice(0, -1)}`),
      now: () => new Date(),
    };
    worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      jobs: bindJobs({
        ...wired(stores),
        ...remediationProcessors({ remediation, trail: stores.auditTrailStore, gitLog: () => Promise.resolve([]) }),
      }),
      chats,
      ...stores,
      log,
    });
    const discordBot = await startDiscordBot({ emu, redisUrl: redis.url, prefix, access });
    const slackBot = await startSlackBot({ fake, ...slackSecrets, redisUrl: redis.url, prefix, access });
    stops.push(
      () => discordBot.stop(),
      () => slackBot.stop(),
    );
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await worker.close();
    await stores.close();
    await gh.close();
    await fake.close();
    await emu.stop();
    await redis.stop();
  });

  /** A thread on `platform` holding an Approve button for the PR (what the drift.fix report posts). */
  async function approveThread(
    platform: 'discord' | 'slack',
    channelId: string,
    payload: Record<string, unknown>,
  ): Promise<{ thread: ThreadRef; button: MessageRef; id: string }> {
    const chat = chats[platform];
    const { thread, root } = await chat.openThread(channelId, 'remediation', { text: 'PR opened' });
    const runId = `run-${platform}`;
    const now = new Date().toISOString();
    await stores.runStore.create({
      ...thread,
      runId,
      jobId: runId,
      rootMessageId: root.messageId,
      requester: { platform, id: 'x', name: 'alice' },
      command: 'drift fix',
      status: 'succeeded',
      createdAt: now,
      updatedAt: now,
    });
    const action = await stores.actionStore.create(
      {
        kind: 'drift.approve',
        label: 'Approve #1',
        style: 'success',
        payload,
        role: 'operator',
        singleUse: true,
        createdBy: { platform, id: 'x' },
        runId,
      },
      3_600_000,
    );
    const button = await chat.post(thread, {
      text: 'Approve?',
      buttons: [{ id: `act:${action.id}`, label: 'Approve #1', style: 'success' }],
    });
    return { thread, button, id: `act:${action.id}` };
  }

  it('merges the PR exactly once and tells the other thread it was already approved', async () => {
    await gh.bare.commit({
      branch: 'fix/drift-web-202611252000',
      from: 'main',
      files: { 'stacks/web/docker-compose.yml': 'services:\n  web:\n    image: nginx:1.26\n' },
      message: 'fix(web): sync web with running state',
    });
    const pr = await forge.openPullRequest({
      branch: 'fix/drift-web-202611252000',
      base: 'main',
      title: 'fix(web): sync web with running state',
      body: 'x',
      labels: ['drift-remediation'],
    });
    const payload = { pr: pr.number, headSha: pr.headSha, stack: 'web', service: 'web' };
    const d = await approveThread('discord', emu.ids.channelId, payload);
    const s = await approveThread('slack', slackChannel, payload);

    await Promise.all([
      emu.click(d.button.messageId, d.id, aliceDiscord.id),
      fake.clickButton(s.button.messageId, s.id, undefined, aliceSlack),
    ]);
    const discordResult = await emu.waitFor(
      () => emu.messagesIn(d.thread.threadId).find((m) => /PR #1 (merged|not merged)/.test(m.content)),
      'discord result',
      60_000,
    );
    const slackResult = await fake.waitFor(
      () => fake.messagesIn(slackChannel, s.thread.threadId).find((m) => /PR #1 (merged|not merged)/.test(m.text)),
      60_000,
      'slack result',
    );
    const texts = [discordResult.content, slackResult.text];
    expect(texts.filter((t) => t.includes('PR #1 merged'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('PR #1 not merged') && t.includes('already approved'))).toHaveLength(1);
    expect(await bareGit(gh.bare.path, ['rev-list', '--merges', '--count', 'main'])).toBe('1\n');
    expect(gh.pull(pr.number)?.comments).toHaveLength(1);
    expect(emu.state.violations).toEqual([]);
  });
});
