import { execFile, spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, requireLab, requireService, startLab, type Lab } from '../../lab/index.js';

const exec = promisify(execFile);
const repo = join(import.meta.dirname, '../..');
const uid = 1000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The Docker image's runtime stage, reproduced without a registry: `dist/` from `npm run build`'s
 * tsconfig, production `node_modules` (`npm ci --omit=dev`, as the Dockerfile's prune), `bin/` and
 * package.json — no sources — run as uid 1000 with the image's environment. The README's files sit
 * where compose mounts them, under a stand-in root: `keys/` (the ssh folder), `config/config.yaml`,
 * `data/` (the volume, owned by uid 1000).
 */
async function buildRuntime(app: string): Promise<void> {
  await mkdir(app, { recursive: true });
  await Promise.all(['package.json', 'package-lock.json'].map((f) => copyFile(join(repo, f), join(app, f))));
  await exec('cp', ['-r', join(repo, 'bin'), join(app, 'bin')]);
  await Promise.all([
    exec(
      process.execPath,
      [
        join(repo, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(repo, 'tsconfig.build.json'),
        '--outDir',
        join(app, 'dist'),
      ],
      { cwd: repo },
    ),
    exec('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app }),
  ]);
}

describe('deploy: the README compose path, as the image runs it (uid 1000), audits the lab', () => {
  let lab: Lab | undefined;
  let root: string;
  const labOf = (): Lab => {
    if (lab === undefined) throw new Error('the lab did not start');
    return lab;
  };
  const keys = (): string => join(root, 'keys');

  /** `homelab-bot <args>` from the runtime tree, as uid 1000, with the Dockerfile's environment. */
  const asNode = (args: readonly string[]): Promise<Run> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        'setpriv',
        [
          '--reuid',
          String(uid),
          '--regid',
          String(uid),
          '--clear-groups',
          '--',
          process.execPath,
          join(root, 'app/bin/homelab-bot.js'),
          ...args,
        ],
        {
          cwd: join(root, 'app'),
          env: {
            PATH: process.env['PATH'],
            NODE_ENV: 'production',
            CONFIG_PATH: join(root, 'config/config.yaml'),
            HOME: join(root, 'home'),
            XDG_CACHE_HOME: join(root, 'data/cache'),
            TZ: 'Europe/Berlin',
            NODE_EXTRA_CA_CERTS: process.env['NODE_EXTRA_CA_CERTS'],
          },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => {
        resolve({ code, stdout, stderr });
      });
    });

  beforeAll(async () => {
    await requireLab();
    await requireService('setpriv (util-linux)', () => hasBinary('setpriv'));
    root = await mkdtemp(join(tmpdir(), 'hlb-deploy-runtime-'));
    await chmod(root, 0o755);
    [lab] = await Promise.all([startLab({ name: 'deploy' }), buildRuntime(join(root, 'app'))]);
    const started = labOf();
    // README: mkdir ssh && cp key ssh/ && sudo chown -R 1000:1000 ssh && chmod 700 ssh && chmod 600 ssh/key
    await mkdir(keys());
    await copyFile(started.hosts[0]?.privateKeyPath ?? '', join(keys(), 'homelab_bot_ed25519'));
    await chmod(join(keys(), 'homelab_bot_ed25519'), 0o600);
    await chmod(keys(), 0o700);
    await exec('chown', ['-R', `${String(uid)}:${String(uid)}`, keys()]);
    // The data volume the image creates for uid 1000, with the apps remote the config clones from.
    await mkdir(join(root, 'data/cache'), { recursive: true });
    await exec('git', ['clone', '-q', '--bare', started.apps.remote, join(root, 'data/apps-remote.git')]);
    await exec('chown', ['-R', `${String(uid)}:${String(uid)}`, join(root, 'data')]);
    await mkdir(join(root, 'config'));
    await writeFile(
      join(root, 'config/config.yaml'),
      [
        'hosts:',
        ...started.hosts.flatMap((h) => [
          `  - name: ${h.name}`,
          `    endpoint: ${h.endpoint}`,
          `    ssh: { host: ${h.sshHost}, port: ${String(h.sshPort)}, user: ${h.sshUser}, privateKeyPath: ${join(keys(), 'homelab_bot_ed25519')}, knownHostsPath: ${join(keys(), 'known_hosts')} }`,
          `    dockerSocket: ${h.dockerSocket}`,
        ]),
        'apps:',
        `  path: ${join(root, 'data/apps')}`,
        `  url: file://${join(root, 'data/apps-remote.git')}`,
        '  branch: main',
        '',
      ].join('\n'),
    );
    await chmod(join(root, 'config/config.yaml'), 0o644);
  }, 600_000);

  afterAll(async () => {
    await lab?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('the runtime tree has no sources and runs dist/ (no tsx in production node_modules)', async () => {
    const run = await asNode(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')).version);
    await expect(readFile(join(root, 'app/node_modules/tsx/package.json'))).rejects.toThrow(/ENOENT/);
  });

  it('hosts trust writes known_hosts for exactly the configured [host]:port, then config check passes', async () => {
    const before = await asNode(['config', 'check']);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('known_hosts: file not found; create it with: homelab-bot hosts trust');
    for (const host of labOf().hosts) {
      const trusted = await asNode(['hosts', 'trust', host.name]);
      expect(trusted.stderr).toBe('');
      expect(trusted.stdout).toContain(
        `[${host.sshHost}]:${String(host.sshPort)} presented ssh-ed25519 ${host.hostKeyFingerprint}`,
      );
    }
    const check = await asNode(['config', 'check']);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain(`Config OK: ${join(root, 'config/config.yaml')}`);
    expect(check.code).toBe(0);
  });

  it('drift audit reaches every lab host as uid 1000 and clones into the data volume', async () => {
    const run = await asNode(['drift', 'audit', '--json']);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as { hosts: { name: string; reachable: boolean }[] };
    expect(report.hosts.map((h) => [h.name, h.reachable])).toEqual(labOf().hosts.map((h) => [h.name, true]));
    expect((await exec('stat', ['-c', '%u', join(root, 'data/apps')])).stdout.trim()).toBe(String(uid));
  });

  it('a key copied as root with mode 600 (the old README) is named as unreadable by uid 1000', async () => {
    await exec('chown', ['0:0', join(keys(), 'homelab_bot_ed25519')]);
    try {
      const check = await asNode(['config', 'check']);
      expect(check.code).toBe(2);
      expect(check.stderr).toContain(
        `homelab_bot_ed25519: not readable by this user (uid 1000); the Docker image runs as uid 1000: sudo chown -R 1000:1000 ${keys()}`,
      );
    } finally {
      await exec('chown', [`${String(uid)}:${String(uid)}`, join(keys(), 'homelab_bot_ed25519')]);
    }
  });
});
