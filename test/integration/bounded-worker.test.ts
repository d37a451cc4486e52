import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { runOk } from '../../lab/proc.js';
import { startSilentPeer, type SilentPeer } from '../../lab/silent-peer.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { wired } from './wired.js';

const log = silentLogger();
let peer: SilentPeer | undefined;
let dir = '';

/** An apps repo on disk (branch main, one stack) and a config whose only host is the silent peer. */
async function hungAuditConfig() {
  peer = await startSilentPeer();
  dir = await mkdtemp(join(tmpdir(), 'hlb-bounded-worker-'));
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id_ed25519')]);
  const repo = join(dir, 'apps');
  await mkdir(join(repo, 'stacks', 'web'), { recursive: true });
  await writeFile(join(repo, 'stacks', 'web', 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n');
  await runOk('git', ['init', '--quiet', '--initial-branch', 'main', repo]);
  await runOk('git', ['-C', repo, 'add', '.']);
  await runOk('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'init']);
  return appConfigSchema.parse({
    hosts: [
      {
        name: 'hung-host',
        endpoint: 'hung',
        stacks: ['web'],
        ssh: {
          host: '127.0.0.1',
          port: peer.port,
          privateKeyPath: join(dir, 'id_ed25519'),
          hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
        },
      },
    ],
    apps: { path: repo, branch: 'main' },
    // The handshake would wait 10 min; the audit's budget gives up long before.
    timeouts: { sshHandshake: '10m', jobs: { 'drift.audit': '40s' } },
  });
}

describe('hung audits do not hold up quick work (real worker, real redis)', () => {
  const { out, type } = useShellSession(async () => {
    const config = await hungAuditConfig();
    return { config, log, prefix: uniquePrefix(), processors: (stores) => wired(stores, { config, log }) };
  });

  afterAll(async () => {
    await peer?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('answers /ping while both long slots hang, then fails the audits naming the silent host', async () => {
    type('/drift audit');
    type('/drift audit host:hung-host');
    await out.waitFor('🔄 Running: /drift audit', 2, 60_000);
    await expect.poll(() => peer?.accepted() ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    type('/ping');
    await out.waitFor('✅ **Pong**', 1, 60_000);
    // Both audits were still hanging (their 40 s budget not over) when the quick lane answered.
    expect(out.count('❌ Failed: /drift audit')).toBe(0);

    await out.waitFor('❌ Failed: /drift audit', 2, 120_000);
    expect(out.count('drift.audit did not finish within its 40 s budget')).toBe(2);
    expect(out.text).toContain(`no answer from SSH handshake with hung-host (127.0.0.1:${peer?.port ?? 0})`);
    // The budget closed the sockets the audits had opened.
    await expect.poll(() => peer?.open(), { timeout: 10_000 }).toBe(0);
  });
});
