import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeConfig } from './admin-commands.js';
import { runConfigCheck } from './config-check.js';

const root = join(import.meta.dirname, '../..');

async function check(
  configPath: string | undefined,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const code = await runConfigCheck(
    { values: {}, positionals: [], configPath, env, stdout, stderr, stdin: new PassThrough() },
    describeConfig,
  );
  return { code, out, err };
}

const host = (ssh: string): string =>
  ['hosts:', '  - name: h1', '    endpoint: e1', `    ssh: { host: h1.lan, port: 2222, ${ssh} }`, ''].join('\n');

describe('homelab-bot config check', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hlb-config-check-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says it used the built-in default when there is no config file', async () => {
    const run = await check(undefined, {});
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^No config file at \/.*config\.yaml: using the built-in default \(local shell only/);
    expect(run.out).toContain('cp config.example.yaml config.yaml');
  });

  it('names the file it read when everything is in order', async () => {
    await writeFile(join(dir, 'key'), 'k');
    await writeFile(
      join(dir, 'known_hosts'),
      '[h1.lan]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n',
    );
    await writeFile(join(dir, 'c.yaml'), host('privateKeyPath: key, knownHostsPath: known_hosts'));
    const run = await check(join(dir, 'c.yaml'));
    expect(run.err).toBe('');
    expect(run.out).toContain(`Config OK: ${join(dir, 'c.yaml')}`);
    expect(run.code).toBe(0);
  });

  it('refuses the sample files as copied: placeholders by line and variable, and the missing key files', async () => {
    await copyFile(join(root, 'config.example.yaml'), join(dir, 'config.yaml'));
    await copyFile(join(root, '.env.sample'), join(dir, '.env'));
    const run = await check(join(dir, 'config.yaml'));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /config\.yaml:\d+:\d+ {2}chat\.discord\.token: still the placeholder from the sample files: set DISCORD_TOKEN to the real value in \.env/,
    );
    expect(run.err).toMatch(/apps\.forge\.token: still the placeholder from the sample files: set GITHUB_TOKEN/);
    expect(run.err).toContain('hosts[0] (ct-docker-01) ssh.privateKeyPath: /keys/homelab_bot_ed25519: file not found');
    expect(run.err).toContain(
      'hosts[0] (ct-docker-01) ssh.knownHostsPath: /keys/known_hosts: file not found; create it with: homelab-bot hosts trust ct-docker-01',
    );
    expect(run.err).not.toContain('replace-me');
  });

  it('refuses a known_hosts without a key for the exact name and port the config uses', async () => {
    await writeFile(join(dir, 'key'), 'k');
    await writeFile(
      join(dir, 'known_hosts'),
      'h1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n',
    );
    await writeFile(join(dir, 'c.yaml'), host('privateKeyPath: key, knownHostsPath: known_hosts'));
    const run = await check(join(dir, 'c.yaml'));
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      `has no key for [h1.lan]:2222 (the name and port the config connects to); add it with: homelab-bot hosts trust h1`,
    );
  });

  it.each([
    [
      '0 7 * * FOO',
      /schedules\.driftAudit\.cron: invalid cron "0 7 \* \* FOO": day-of-week "FOO": cannot resolve alias "foo"/,
    ],
    [
      '0 7 31 2 *',
      /schedules\.driftAudit\.cron: invalid cron "0 7 31 2 \*": day-of-month "31" with month "2": no such date ever occurs/,
    ],
  ])('refuses the cron %j with the field and the reason', async (cron, reason) => {
    await writeFile(join(dir, 'c.yaml'), `schedules:\n  driftAudit:\n    cron: "${cron}"\n`);
    await expect(check(join(dir, 'c.yaml'))).rejects.toThrow(reason);
  });

  it('accepts @daily, as BullMQ schedules it', async () => {
    await writeFile(join(dir, 'c.yaml'), 'schedules:\n  health:\n    cron: "@daily"\n');
    const run = await check(join(dir, 'c.yaml'));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });
});
