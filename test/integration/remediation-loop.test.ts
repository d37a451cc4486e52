import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGit } from '../../src/git/run-git.js';
import { createForge } from '../../src/forge/create-forge.js';
import { createGitHubForge } from '../../src/forge/github-forge.js';
import type { Forge } from '../../src/forge/forge.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import type { Stores } from '../../src/store/stores.js';
import type { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../lab/emulators/github/github-emulator.js';
import { plantEnvDrift, plantImageDrift, requireLab, startLab, type Lab } from '../../lab/index.js';
import { recordRefusedClicks } from '../../src/commands/remediation/remediation-wiring.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { startDiscordBot, type StackOptions } from './discord-stack.js';
import {
  bareGit,
  buttonOf,
  buttonsDisabled,
  isPrivate,
  remediationConfig,
  serviceDrift,
  startRemediationWorker,
  trackedFiles,
} from './remediation-harness.js';

const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };
const kid = { id: '120000000000000002', username: 'kid', roleIds: [] };
const access = {
  people: [
    { name: 'alice', role: 'operator' as const, discordId: alice.id },
    { name: 'kid', role: 'family' as const, discordId: kid.id },
  ],
};
const log = silentLogger();
const SLOW = 240_000;

describe('remediation through Discord against the GitHub emulator (lab, real discord.js, worker, git)', () => {
  let lab: Lab | undefined;
  let redis: PrivateRedis | undefined;
  let emu: DiscordEmulator | undefined;
  let gh: GitHubEmulator | undefined;
  let bot: Awaited<ReturnType<typeof startDiscordBot>> | undefined;
  let worker: { stores: Stores; chat: DiscordChat; stop(): Promise<void> } | undefined;
  let forge: Forge;
  let config: ReturnType<typeof remediationConfig>;

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'remediation-loop' });
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice, kid] });
    gh = await startGitHubEmulator({ files: await trackedFiles(lab.apps.clone) });
    config = remediationConfig(lab, { url: `file://${gh.bare.path}` });
    forge = createGitHubForge({
      owner: gh.owner,
      repo: gh.repo,
      token: gh.token,
      apiUrl: gh.url,
      cloneUrl: gh.cloneUrl,
      log,
    });
    const opts: StackOptions = { emu, redisUrl: redis.url, prefix: uniquePrefix(), access };
    worker = startRemediationWorker(opts, lab, config, forge, 'github');
    bot = await startDiscordBot({ ...opts, onActionRefused: recordRefusedClicks(worker.stores.auditTrailStore) });
  }, 900_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await gh?.close();
    await emu?.stop();
    await redis?.stop();
    await lab?.stop();
  }, 120_000);

  const configNow = () => config;
  const setup = () => {
    if (lab === undefined || emu === undefined || gh === undefined || worker === undefined)
      throw new Error('setup failed');
    return { lab, e: emu, gh, w: worker };
  };

  /** Runs a slash command and returns the id of the thread it opened. */
  async function slashThread(name: string, options: Record<string, string>): Promise<string> {
    const { e } = setup();
    const before = new Set(e.messagesIn(e.ids.channelId).map((m) => m.id));
    await e.slash(alice.id, name, options);
    const root = await e.waitFor(
      () => e.messagesIn(e.ids.channelId).find((m) => !before.has(m.id) && m.threadId !== null),
      `thread of /${name}`,
    );
    return root.id;
  }

  /** The first message in the thread passing `test`; fails at once when the bot reports an error there instead. */
  const find = async (thread: string, test: (m: StoredMessage) => boolean, what: string): Promise<StoredMessage> => {
    const { e } = setup();
    const hit = await e.waitFor(
      () => e.messagesIn(thread).find((m) => test(m) || m.content.includes('💥')),
      what,
      SLOW,
    );
    if (!test(hit)) throw new Error(`${what}: the bot reported an error instead: ${hit.content}`);
    return hit;
  };
  const prNumberOf = (m: StoredMessage): number => Number(/PR #(\d+)/.exec(m.content)?.[1]);
  const chatText = (): string => {
    const { e } = setup();
    return [...e.state.messages.values()]
      .map((m) => [m.content, ...m.attachments.map((a) => e.attachmentContent(a.id).toString('utf8'))].join('\n'))
      .join('\n');
  };

  /** The Done-when loop of issue #5 on the pihole TZ drift, against `forge` whose repo is `bare`. */
  async function fullLoop(f: Forge, bare: string, body: (pr: number) => string | undefined): Promise<void> {
    const { lab: l, e } = setup();
    const thread = await slashThread('drift audit', { stack: 'dns-pihole' });
    const service = await find(
      thread,
      (m) => m.content.includes('dns-pihole/pihole') && m.components.length > 0,
      'service message with Open PR',
    );
    expect(service.content).toContain('`environment.TZ`');
    await e.click(service.id, buttonOf(service, 'Open PR'), alice.id);

    const opened = await find(thread, (m) => /PR #\d+ opened/.test(m.content), 'PR opened');
    const number = prNumberOf(opened);
    const pr = await f.getPullRequest(number);
    expect(pr.state).toBe('open');
    expect(pr.labels).toContain('drift-remediation');
    expect(pr.headBranch).toMatch(/^fix\/drift-pihole-\d{12}$/);
    expect(opened.content).toContain(pr.headSha);
    const text = body(number);
    if (text !== undefined) {
      expect(text).toContain('`environment.TZ`');
      expect(text).toContain('`Europe/Berlin` → `UTC`');
      expect(text).toMatch(/Audited commit: `[0-9a-f]{40}`/);
    }
    expect(await bareGit(bare, ['log', '-1', '--format=%s', pr.headBranch])).toBe(
      'fix(dns-pihole): sync pihole with running state\n',
    );
    const diff = await bareGit(bare, ['diff', `main...${pr.headBranch}`]);
    expect(diff).toContain('+      TZ: UTC');
    expect(diff).toMatch(/\+Last audit: \d{4}-\d{2}-\d{2} \([0-9a-f]{12}\)/);

    await e.click(opened.id, buttonOf(opened, 'Approve'), kid.id);
    await find(thread, (m) => isPrivate(m) && m.content.includes('for the operator'), 'family refusal');
    expect((await f.getPullRequest(number)).state).toBe('open');

    const approveId = buttonOf(opened, 'Approve');
    await e.click(opened.id, approveId, alice.id);
    const merged = await find(thread, (m) => m.content.includes(`PR #${number} merged`), 'merged report');
    const after = await f.getPullRequest(number);
    expect(after.state).toBe('merged');
    const mergeSha = after.mergeSha ?? '';
    expect(merged.content).toContain(mergeSha);
    expect(buttonsDisabled(e.messagesIn(thread).find((m) => m.id === opened.id)!)).toBe(true);
    expect(await bareGit(bare, ['show', 'main:stacks/dns-pihole/docker-compose.yml'])).toContain('      TZ: UTC\n');
    const mergesBefore = Number(await bareGit(bare, ['rev-list', '--merges', '--count', 'main']));

    await e.click(opened.id, approveId, alice.id, { stale: true });
    await find(thread, (m) => isPrivate(m) && m.content.includes('already used'), 'second click refused');
    expect(Number(await bareGit(bare, ['rev-list', '--merges', '--count', 'main']))).toBe(mergesBefore);
    expect(await serviceDrift(l, configNow(), 'dns-pihole', 'pihole')).toEqual([]);

    const preMergeTree = await bareGit(bare, ['rev-parse', `${mergeSha}^1^{tree}`]);
    await e.click(merged.id, buttonOf(merged, 'Revert'), alice.id);
    await find(thread, (m) => m.content.includes(`PR #${number} reverted`), 'reverted report');
    expect(await bareGit(bare, ['rev-parse', 'main^{tree}'])).toBe(preMergeTree);
    expect((await serviceDrift(l, configNow(), 'dns-pihole', 'pihole')).map((i) => i.path)).toContain('environment.TZ');
    expect(e.state.violations).toEqual([]);
  }

  it('plant drift → audit → Open PR → Approve → merged and clean → Revert → pre-merge tree and drift again (GitHub)', async () => {
    const { lab: l, gh: g } = setup();
    await plantEnvDrift(l, { stack: 'dns-pihole', service: 'pihole', key: 'TZ', value: 'UTC' });
    await fullLoop(forge, g.bare.path, (n) => g.pull(n)?.body ?? '');
    expect(
      g
        .pull(1)
        ?.comments.map((c) => c.body)
        .join('\n'),
    ).toMatch(/Approved by alice \(discord\) in chat; merged as [0-9a-f]{40}/);
    expect(g.violations).toEqual([]);
  }, 900_000);

  it('refuses Approve after the PR branch moved, an expired Approve and a Revert before the merge', async () => {
    const { lab: l, e, gh: g, w } = setup();
    await plantImageDrift(l, { stack: 'infra-core', service: 'whoami' });
    const thread = await slashThread('drift fix', { stack: 'infra-core', service: 'whoami' });
    const opened = await find(thread, (m) => /PR #\d+ opened/.test(m.content), 'PR opened by /drift fix');
    const number = prNumberOf(opened);
    const pr = await forge.getPullRequest(number);
    expect(
      await bareGit(g.bare.path, ['diff', `main...${pr.headBranch}`, '--', 'stacks/infra-core/docker-compose.yml']),
    ).toContain('+    image: traefik/whoami:v1.10.4');

    // A second /drift fix for the same service shows the open PR instead of opening another.
    const openBefore = (await forge.listOpen({ label: 'drift-remediation' })).length;
    const again = await slashThread('drift fix', { stack: 'infra-core', service: 'whoami' });
    const shown = await find(again, (m) => m.content.includes('already open'), 'the already-open PR');
    expect(shown.content).toContain(`PR #${String(number)} is already open`);
    expect(buttonOf(shown, 'Approve')).toMatch(/^act:/);
    expect((await forge.listOpen({ label: 'drift-remediation' })).length).toBe(openBefore);

    const approveId = buttonOf(opened, 'Approve');
    const record = await w.stores.actionStore.get(approveId.slice(4));
    const run = await w.stores.runStore.get(record?.runId ?? '');
    if (record === undefined || run === undefined) throw new Error('approve action or its run is missing');
    const where = { platform: 'discord' as const, channelId: run.channelId, threadId: run.threadId };
    const button = async (kind: string, payload: Record<string, unknown>, label: string, ttlMs: number) => {
      const a = await w.stores.actionStore.create(
        {
          kind,
          label,
          style: 'primary',
          payload,
          role: 'operator',
          singleUse: true,
          createdBy: { platform: 'discord', id: alice.id },
          runId: record.runId,
        },
        ttlMs,
      );
      const posted = await w.chat.post(where, {
        text: `test button ${label}`,
        buttons: [{ id: `act:${a.id}`, label, style: 'primary' }],
      });
      return { messageId: posted.messageId, id: `act:${a.id}` };
    };

    const early = await button(
      'drift.revert',
      { pr: number, stack: 'infra-core', service: 'whoami' },
      `Revert #${number}`,
      3_600_000,
    );
    await e.click(early.messageId, early.id, alice.id);
    const notReverted = await find(
      thread,
      (m) => m.content.includes(`PR #${number} not reverted`),
      'revert before merge refused',
    );
    expect(notReverted.content).toContain('not merged');

    const expired = await button(
      'drift.approve',
      { pr: number, headSha: pr.headSha, stack: 'infra-core', service: 'whoami' },
      `Approve #${number}`,
      1,
    );
    await e.click(expired.messageId, expired.id, alice.id);
    await find(thread, (m) => isPrivate(m) && m.content.includes('expired'), 'expired approval refused');

    await g.bare.commit({
      branch: pr.headBranch,
      files: { 'stacks/infra-core/NOTES.md': 'sneaked in\n' },
      message: 'chore: sneak a change in',
    });
    await e.click(opened.id, approveId, alice.id);
    const refused = await find(thread, (m) => m.content.includes(`PR #${number} not merged`), 'moved head refused');
    expect(refused.content).toContain('chore: sneak a change in');
    expect(refused.content).toContain(pr.headSha.slice(0, 12));
    expect((await forge.getPullRequest(number)).state).toBe('open');
    const moved = await forge.getPullRequest(number);
    expect(buttonOf(refused, `Approve #${number} at ${moved.headSha.slice(0, 7)}`)).toMatch(/^act:/);

    const trailThread = await slashThread('audit-trail', {});
    const trail = await find(trailThread, (m) => m.content.includes('Audit trail'), 'audit trail');
    const text = [trail.content, ...trail.attachments.map((a) => e.attachmentContent(a.id).toString('utf8'))].join(
      '\n',
    );
    expect(text).toMatch(/opened PR #1 dns-pihole\/pihole by alice \(discord\)/);
    expect(text).toMatch(/merged PR #1 .*merge [0-9a-f]{12}/);
    expect(text).toMatch(/reverted PR #1/);
    expect(text).toMatch(new RegExp(`refused PR #${number} infra-core/whoami .*not-merged`));
    expect(text).toMatch(new RegExp(`refused PR #${number} infra-core/whoami .*head-moved`));
    expect(text).toMatch(/refused PR #1 dns-pihole\/pihole by kid \(discord\) .*not-allowed/);
    expect(text).toMatch(/refused PR #1 dns-pihole\/pihole by alice \(discord\) .*action-used/);
    expect(text).toMatch(new RegExp(`refused PR #${number} infra-core/whoami by alice \\(discord\\) .*action-expired`));
    expect(text).toContain('**dns-pihole**');
  }, 900_000);

  it('writes a secret env drift as ${VAR} and leaks the value nowhere (diff, body, commit, chat)', async () => {
    const { lab: l, gh: g } = setup();
    const secret = 'lab-secret-smtp-4411';
    await plantEnvDrift(l, { stack: 'observability', service: 'grafana', key: 'SMTP_PASSWORD', value: secret });
    const thread = await slashThread('drift fix', { stack: 'observability', service: 'grafana' });
    const opened = await find(thread, (m) => /PR #\d+ opened/.test(m.content), 'secret PR opened');
    const pr = await forge.getPullRequest(prNumberOf(opened));
    const diff = await bareGit(g.bare.path, ['diff', `main...${pr.headBranch}`]);
    expect(diff).toContain('+      - SMTP_PASSWORD=${SMTP_PASSWORD}');
    expect(diff).toContain('+SMTP_PASSWORD=changeme');
    const commits = await bareGit(g.bare.path, ['log', '--format=%B', `main..${pr.headBranch}`]);
    const everything = [diff, commits, g.pull(pr.number)?.body ?? '', chatText()].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('lab-secret-');
  }, 900_000);

  it('runs the same loop against plain git (no forge server: branch pushed, merge --no-ff, revert pushed to main)', async () => {
    const { lab: l, e } = setup();
    await bot?.stop();
    await worker?.stop();
    config = remediationConfig(l, { url: `file://${l.apps.remote}`, forge: { type: 'git' } });
    const gitForge = createForge(config.apps!, { log, workDir: `${l.stateDir}/forge-work` })!;
    const opts: StackOptions = { emu: e, redisUrl: redis!.url, prefix: uniquePrefix(), access };
    worker = startRemediationWorker(opts, l, config, gitForge, 'git');
    bot = await startDiscordBot({ ...opts, onActionRefused: recordRefusedClicks(worker.stores.auditTrailStore) });
    await fullLoop(gitForge, l.apps.remote, () => undefined);
  }, 900_000);

  it('rebuilds a PR that conflicts with main when Approve is clicked, then merges the rebuilt head (plain git)', async () => {
    const { lab: l, e } = setup();
    const bare = l.apps.remote;
    const thread = await slashThread('drift fix', { stack: 'dns-pihole', service: 'pihole' });
    const opened = await find(thread, (m) => /PR #\d+ opened/.test(m.content), 'PR opened by /drift fix');
    const number = prNumberOf(opened);
    // Another change lands on main and touches the line the PR also rewrote ("Last audit" of another day).
    const work = await mkdtemp(join(tmpdir(), 'hlb-conflict-'));
    try {
      await runGit(['clone', '--quiet', bare, work]);
      const targets = join(work, 'stack-targets.yml');
      const text = await readFile(targets, 'utf8');
      await writeFile(
        targets,
        `# Last audit: 1999-01-01 (000000000000)\n${text
          .split('\n')
          .filter((line) => !line.startsWith('# Last audit: '))
          .join('\n')}`,
      );
      await runGit(
        [
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@example.org',
          'commit',
          '--quiet',
          '-am',
          'docs: audit of another day',
        ],
        { cwd: work },
      );
      await runGit(['push', '--quiet', 'origin', 'HEAD:main'], { cwd: work });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    const mergesBefore = Number(await bareGit(bare, ['rev-list', '--merges', '--count', 'main']));

    await e.click(opened.id, buttonOf(opened, 'Approve'), alice.id);
    const rebuilt = await find(
      thread,
      (m) => m.content.includes(`PR #${String(number)} rebuilt on main`),
      'rebuilt report',
    );
    expect(Number(await bareGit(bare, ['rev-list', '--merges', '--count', 'main']))).toBe(mergesBefore);
    await e.click(rebuilt.id, buttonOf(rebuilt, 'Approve'), alice.id);
    await find(thread, (m) => m.content.includes(`PR #${String(number)} merged`), 'merged after the rebuild');
    expect(await bareGit(bare, ['show', 'main:stacks/dns-pihole/docker-compose.yml'])).toContain('      TZ: UTC\n');
    expect(await serviceDrift(l, configNow(), 'dns-pihole', 'pihole')).toEqual([]);
  }, 900_000);
});
