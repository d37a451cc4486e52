import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, requireService } from '../../lab/require-service.js';

const bin = join(import.meta.dirname, '../../bin/homelab-bot.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a child process (async, so nothing here blocks). */
function cli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CONFIG_PATH: '', REDIS_URL: '', ...options.env },
    });
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
    child.stdin.end(options.input ?? '');
  });
}

describe('homelab-bot CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hlb-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('--help lists every command and the exit codes, exit 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of [
      'shell',
      'start',
      'bot',
      'worker',
      'register-commands',
      'drift audit',
      'health',
      'config check',
    ]) {
      expect(run.stdout).toContain(command);
    }
    expect(run.stdout).toContain('Exit codes');
  });

  it('no arguments prints help and exits 2; an unknown command names the accepted ones', async () => {
    expect((await cli([])).code).toBe(2);
    const run = await cli(['dirft', 'audit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown command "dirft audit"\. Accepted commands: shell, start/);
  });

  it('an unknown option names the command and the accepted options, exit 2', async () => {
    const run = await cli(['drift', 'audit', '--hots', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Unknown option --hots for "homelab-bot drift audit". Accepted options: --host, --stack, --json',
    );
  });

  it('a bad config exits 2 listing every problem with file:line', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      [
        'hosts:',
        '  - name: ct-docker-01',
        '    endpoint: docker01',
        '    ssh: { host: 127.0.0.1, port: "22a", user: root, privateKeyPath: /k, hostKeyFingerprint: "SHA256:abc" }',
        'hots: []',
        'apps: { path: /srv/apps, forge: { type: github, owner: o, repo: r, token: "${HLB_TEST_MISSING_TOKEN}" } }',
        '',
      ].join('\n'),
    );
    const run = await cli(['config', 'check', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:4:\d+ +hosts\[0\]\.ssh\.port/);
    expect(run.stderr).toMatch(/bad\.yaml:5:\d+ .*unknown key 'hots'/);
    expect(run.stderr).toMatch(/bad\.yaml:6:\d+ .*HLB_TEST_MISSING_TOKEN is not set/);
  });

  it('an explicit config path that does not exist exits 2 with the reason', async () => {
    const run = await cli(['config', 'check'], { env: { CONFIG_PATH: join(dir, 'nope.yaml') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('file not found');
  });

  it('config check describes the config without printing secret values', async () => {
    const file = join(dir, 'ok.yaml');
    await writeFile(
      file,
      [
        'chat:',
        '  slack: { botToken: "${HLB_SLACK_BOT}", signingSecret: "${HLB_SLACK_SIGN}", channelId: C0123ABCD, mode: http }',
        'people:',
        '  - { name: alice, role: operator, slackId: U0123ABCD }',
        '',
      ].join('\n'),
    );
    const env = { HLB_SLACK_BOT: 'xoxb-very-secret-bot-token', HLB_SLACK_SIGN: 'sign-secret-42' };
    const run = await cli(['config', 'check', '-c', file], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('slack (http)');
    expect(run.stdout).toContain('operators alice');
    expect(run.stdout).not.toContain('very-secret');
    expect(run.stdout).not.toContain('sign-secret-42');
  });

  it('drift audit without an apps repo says what to configure, exit 2 (never a false "clean")', async () => {
    const run = await cli(['drift', 'audit', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No apps repository is configured');
    expect(run.stdout).toBe('');
  });

  it('the shell (README run command) completes a typed /ping with a private redis-server', async () => {
    await requireService('redis-server', () => hasBinary('redis-server'));
    const run = await cli(['shell'], { input: '/ping\n', cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pong');
    expect(run.stdout).toContain('[1] Acknowledge');
    expect(run.stdout).toMatch(/Done: \/ping/);
  });

  it('the shell without REDIS_URL and without redis-server on PATH says what to install, exit 2', async () => {
    const run = await cli(['shell'], { input: '', env: { PATH: dir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('apt-get install redis-server');
  });
});
