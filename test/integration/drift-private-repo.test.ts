import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConfigSchema, type AppConfig } from '../../src/config/schema.js';
import { appsSnapshot } from '../../src/drift/cli-audit.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../lab/emulators/github/github-emulator.js';

const compose = 'services:\n  web:\n    image: nginx:1.27\n';

/** A config whose apps repo is the emulator's repo over https-like smart HTTP (token required). */
const configFor = (emu: GitHubEmulator, token: string): AppConfig =>
  appConfigSchema.parse({
    apps: {
      url: emu.cloneUrl,
      branch: 'main',
      forge: { type: 'github', owner: emu.owner, repo: emu.repo, token, apiUrl: emu.url },
    },
  });

describe('drift audit snapshot of a private GitHub apps repo', () => {
  let emu: GitHubEmulator;
  let work: string;

  beforeAll(async () => {
    emu = await startGitHubEmulator({ files: { 'stacks/web/docker-compose.yml': compose } });
    work = await mkdtemp(join(tmpdir(), 'hlb-private-repo-'));
  });
  afterAll(async () => {
    await emu.close();
    await rm(work, { recursive: true, force: true });
  });

  it('clones and fetches with the forge token, which never lands in the checkout config', async () => {
    const cacheDir = join(work, 'with-token');
    const snapshot = await appsSnapshot(configFor(emu, emu.token), { cacheDir })();
    try {
      expect(await readFile(join(snapshot.dir, 'stacks/web/docker-compose.yml'), 'utf8')).toBe(compose);
      expect(snapshot.commit).toBe(await emu.bare.branchSha('main'));
      expect(await readFile(join(cacheDir, 'apps', '.git', 'config'), 'utf8')).not.toContain(emu.token);
    } finally {
      await snapshot.dispose();
    }
    // A second audit fetches through the existing checkout, again with the token.
    await emu.bare.commit({
      branch: 'main',
      files: { 'stacks/web/docker-compose.yml': 'services:\n  web:\n    image: nginx:1.28\n' },
      message: 'bump',
    });
    const next = await appsSnapshot(configFor(emu, emu.token), { cacheDir })();
    try {
      expect(await readFile(join(next.dir, 'stacks/web/docker-compose.yml'), 'utf8')).toContain('nginx:1.28');
    } finally {
      await next.dispose();
    }
  });

  it('is refused by the server with a wrong token, and says so without showing either token', async () => {
    const wrong = 'ghp_wrongwrongwrongwrong';
    const error = await appsSnapshot(configFor(emu, wrong), { cacheDir: join(work, 'wrong-token') })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Authentication failed/);
    expect((error as Error).message).not.toContain(wrong);
    expect((error as Error).message).not.toContain(emu.token);
  });
});
