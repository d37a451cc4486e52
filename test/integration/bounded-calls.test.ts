import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { SlackChat } from '../../src/bot/slack/slack-chat.js';
import { createSlackWebClient } from '../../src/bot/slack/slack-web-client.js';
import { appConfigSchema, type HostConfig } from '../../src/config/schema.js';
import type { AppError } from '../../src/errors.js';
import { createGitHubForge } from '../../src/forge/github-forge.js';
import { runGit } from '../../src/git/run-git.js';
import { connectDockerHost } from '../../src/infra/docker-over-ssh.js';
import { withinBudget } from '../../src/jobs/job-budget.js';
import { callMedia } from '../../src/media/media-http.js';
import { silentLogger } from '../../src/log.js';
import { runOk } from '../../lab/proc.js';
import { startSilentPeer, type SilentPeer } from '../../lab/silent-peer.js';

const log = silentLogger();
const short = appConfigSchema.parse({
  timeouts: { sshHandshake: '1500ms', git: '2s', http: '1500ms', github: '1500ms', chat: '1500ms' },
}).timeouts.ms;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
  if (error === undefined) throw new Error('expected a failure');
  return error;
}

/** A host whose SSH port is the silent peer (key and fingerprint are well-formed; nothing answers). */
function hungHost(peer: SilentPeer, keyPath: string): HostConfig {
  return {
    name: 'hung-host',
    endpoint: 'hung',
    ssh: {
      host: '127.0.0.1',
      port: peer.port,
      user: 'root',
      privateKeyPath: keyPath,
      hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
    },
    dockerSocket: '/var/run/docker.sock',
    readHostEnv: false,
  };
}

describe('every outside call gives up on a peer that accepts and never answers', () => {
  let peer: SilentPeer;
  let dir = '';

  beforeAll(async () => {
    peer = await startSilentPeer();
    dir = await mkdtemp(join(tmpdir(), 'hlb-bounded-'));
    await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id_ed25519')]);
  });

  afterAll(async () => {
    await peer.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('SSH handshake: fails with host-unreachable naming the host, and closes its socket', async () => {
    const error = await failure(connectDockerHost(hungHost(peer, join(dir, 'id_ed25519')), { log, timeouts: short }));
    expect(error.code).toBe('host-unreachable');
    expect(error.message).toContain(`hung-host (127.0.0.1:${peer.port})`);
    expect(error.message).toContain('no SSH handshake within 1500 ms');
    await expect.poll(() => peer.open(), { timeout: 10_000 }).toBe(0);
  });

  it('git clone: the process is killed and the error names the remote', async () => {
    const remote = `${peer.url}/apps.git`;
    const error = await failure(runGit(['clone', '--quiet', remote, join(dir, 'clone')], { timeoutMs: short.git }));
    expect(error.code).toBe('git-timeout');
    expect(error.message).toBe(`git clone (remote ${remote}) got no answer within 2000 ms`);
    await expect.poll(() => peer.open(), { timeout: 10_000 }).toBe(0);
  });

  it('git fetch: same, with the remote named even when it is not in the arguments', async () => {
    await runOk('git', ['init', '--quiet', join(dir, 'repo')]);
    await runGit(['remote', 'add', 'origin', `${peer.url}/x.git`], { cwd: join(dir, 'repo') });
    const error = await failure(
      runGit(['fetch', 'origin'], { cwd: join(dir, 'repo'), timeoutMs: short.git, remote: `${peer.url}/x.git` }),
    );
    expect(error.code).toBe('git-timeout');
    expect(error.message).toContain(`remote ${peer.url}/x.git`);
  });

  it('media HTTP: fails with <service>-timeout naming the service and its address', async () => {
    const error = await failure(
      callMedia(
        { service: 'Radarr', url: peer.url, headers: {}, timeoutMs: short.http },
        { method: 'GET', path: '/api/v3/system/status' },
      ),
    );
    expect(error.code).toBe('radarr-timeout');
    expect(error.message).toContain(`Radarr at 127.0.0.1:${peer.port} did not answer within 1500 ms`);
  });

  it('GitHub API: fails with forge-unavailable naming GitHub and its address', async () => {
    const forge = createGitHubForge({
      owner: 'o',
      repo: 'r',
      token: 'test-token',
      apiUrl: peer.url,
      log,
      callTimeoutMs: short.github,
      retry: { attempts: 1 },
    });
    const error = await failure(forge.getPullRequest(1));
    expect(error.code).toBe('forge-unavailable');
    expect(error.message).toContain(`GitHub at 127.0.0.1:${peer.port} did not answer within 1500 ms`);
  });

  it('Discord REST: fails with discord-unreachable saying Discord did not answer', async () => {
    const chat = new DiscordChat({ token: 'x', apiUrl: `${peer.url}/api`, logger: log, timeoutMs: short.chat });
    const error = await failure(
      chat.post({ platform: 'discord', channelId: '123', threadId: '456' }, { text: 'hello' }),
    );
    expect(error.code).toBe('discord-unreachable');
    expect(error.message).toContain('the Discord API did not answer in time');
  });

  it('Slack Web API: fails with slack-unreachable', async () => {
    const client = createSlackWebClient(
      { botToken: 'xoxb-test', apiUrl: `${peer.url}/api/`, retries: 0, timeoutMs: short.chat },
      log,
    );
    const chat = new SlackChat(client, log);
    const error = await failure(
      chat.post({ platform: 'slack', channelId: 'C123', threadId: '1.000001' }, { text: 'hello' }),
    );
    expect(error.code).toBe('slack-unreachable');
    expect(error.message).toContain('the Slack API did not answer in time');
  });

  it('a job budget names the call still waiting and closes it', async () => {
    const host = hungHost(peer, join(dir, 'id_ed25519'));
    const before = peer.accepted();
    const slow = { ...short, sshHandshake: 600_000 };
    const error = await failure(
      withinBudget('drift.audit', 1_500, () => connectDockerHost(host, { log, timeouts: slow })),
    );
    expect(error.code).toBe('job-budget-exceeded');
    expect(error.message).toContain('drift.audit did not finish within its 1.5 s budget');
    expect(error.message).toContain(`no answer from SSH handshake with hung-host (127.0.0.1:${peer.port})`);
    expect(peer.accepted()).toBeGreaterThan(before);
    await expect.poll(() => peer.open(), { timeout: 10_000 }).toBe(0);
  });
});
