import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../src/config/schema.js';
import { fixtureAppsFiles, fixtureStacks } from '../../lab/fixture-apps.js';
import { freePort } from '../../lab/lab-paths.js';
import { runOk } from '../../lab/proc.js';
import { silentLogger } from '../../src/log.js';
import { createAppsRemote } from './apps-remote.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { wired } from './wired.js';

const dirs: string[] = [];

/**
 * Both fixture hosts pointed at closed ports (nothing listens: every connection is refused), with
 * the seed-shaped apps repo in git: what the bot says when it cannot see a single host.
 */
async function unreachableConfig() {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-honest-'));
  dirs.push(dir);
  const remote = await createAppsRemote(dir, fixtureAppsFiles(fixtureStacks()));
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id_ed25519')]);
  const host = async (name: string, endpoint: string) => ({
    name,
    endpoint,
    readHostEnv: false,
    ssh: {
      host: '127.0.0.1',
      port: await freePort(),
      user: 'root',
      privateKeyPath: join(dir, 'id_ed25519'),
      hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
    },
  });
  return appConfigSchema.parse({
    hosts: [await host('ct-docker-01', 'docker01'), await host('ct-media-01', 'media01')],
    apps: { url: `file://${remote}`, branch: 'main' },
  });
}

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('honest summaries when every host is unreachable (closed ports, real git, real redis)', () => {
  const prefix = uniquePrefix();
  const log = silentLogger();
  const shell = useShellSession(async () => {
    const config = await unreachableConfig();
    return { config: { people: [] }, log, prefix, processors: (stores) => wired(stores, { config, log }) };
  });
  const { out, type } = shell;

  it('/drift audit says "2 of 2 hosts unreachable: nothing audited" and its status line shows ❌, not ✅', async () => {
    type('/drift audit');
    await out.waitFor('2 of 2 hosts unreachable: nothing audited.', 1, 90_000);
    await out.waitFor('❌ Done: /drift audit', 1, 60_000);
    expect(out.text).toContain('❌ **Drift audit**');
    expect(out.text).not.toContain('0 difference(s) found');
    expect(out.text).not.toContain('✅ Done: /drift audit');
  }, 150_000);

  it('/catalog lists what git declares, state unknown, and says how many hosts it could not read', async () => {
    type('/catalog');
    await out.waitFor('⚠️ Done: /catalog', 1, 90_000);
    const services = fixtureStacks().reduce((n, s) => n + s.services.length, 0);
    expect(out.text).toContain(
      `${String(services)} services (0 running) on 0/2 hosts. 2 of 2 host(s) unreachable: their ${String(services)} service(s) are listed as git declares them, state unknown.`,
    );
    expect(out.text).toMatch(
      /\| sonarr \| [\w-]+ \| ct-media-01 \| `[^`]+` \| [^|]+ \| [^|]+ \| health unknown \(host unreachable\) \|/,
    );
    expect(out.text).not.toContain('0 services');
  }, 150_000);

  it('/audit-trail with a repo configured but no remediation counts the repo commits', async () => {
    type('/audit-trail');
    await out.waitFor('✅ Done: /audit-trail', 1, 60_000);
    // The seed commit, counted once per stack it touches.
    expect(out.text).toMatch(/0 remediation and media event\(s\); [1-9]\d* commit\(s\) in the apps repo\./);
  }, 90_000);
});

describe('honest summaries with no apps repository configured', () => {
  const shell = useShellSession(() => ({ config: { people: [] }, log: silentLogger(), prefix: uniquePrefix() }));
  const { out, type } = shell;

  it('/audit-trail says no repository is configured instead of "0 commit(s)"', async () => {
    type('/audit-trail');
    await out.waitFor('✅ Done: /audit-trail', 1, 60_000);
    expect(out.text).toContain('0 remediation and media event(s); no apps repository configured.');
    expect(out.text).toContain('No apps repository is configured, so there is no git log');
    expect(out.text).not.toContain('commit(s)');
  });
});
