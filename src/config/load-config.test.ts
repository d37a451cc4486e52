import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { defaultConfig } from './default-config.js';
import { parseDotenv } from './dotenv.js';
import { describeConfigError, loadConfig } from './load-config.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const fingerprint = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'homelab-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<ConfigError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const host = (name: string, extra = `      hostKeyFingerprint: "${fingerprint}"\n`): string =>
  `  - name: ${name}\n    endpoint: docker01\n    ssh:\n      host: 127.0.0.1\n      privateKeyPath: keys/id\n${extra}`;

describe('loadConfig with the shipped example', () => {
  it('loads config.example.yaml with the values from .env.sample', async () => {
    const env = parseDotenv(await readFile(join(repoRoot, '.env.sample'), 'utf8'));
    expect(env.problems).toEqual([]);
    const config = await loadConfig({ path: 'config.example.yaml', cwd: repoRoot, env: env.values });
    expect(config.hosts.map((h) => h.endpoint)).toEqual(['docker01', 'media01']);
    expect(config.people.map((p) => `${p.name}:${p.role}`)).toEqual(['alice:operator', 'bob:family']);
    expect(config.apps?.forge).toMatchObject({ type: 'github', token: env.values['GITHUB_TOKEN'] });
    expect(config.media?.radarr?.url).toBe('http://radarr.lan:7878');
    expect(config.schedules?.health?.everyMs).toBe(6 * 3_600_000);
  });

  it('has every ${VAR} of config.example.yaml in .env.sample', async () => {
    const example = await readFile(join(repoRoot, 'config.example.yaml'), 'utf8');
    const sample = parseDotenv(await readFile(join(repoRoot, '.env.sample'), 'utf8')).values;
    const values = example
      .split('\n')
      .map((line) => line.replace(/(^|\s)#.*$/, ''))
      .join('\n');
    const referenced = [...values.replace(/\$\$/g, '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map(
      (m) => m[1] ?? '',
    );
    expect(referenced.length).toBeGreaterThan(5);
    expect(referenced.filter((name) => !(name in sample))).toEqual([]);
  });
});

describe('loadConfig errors', () => {
  it('lists a typo key, a bad port and a missing variable in one error with their lines', async () => {
    const yaml = [
      'hosts:',
      '  - name: a',
      '    endpoint: docker01',
      '    ssh:',
      '      host: 127.0.0.1',
      '      port: 22a',
      '      privateKeyPath: /k',
      `      knownHostsPath: /kh`,
      'chat:',
      '  discrod: {}',
      'apps:',
      '  path: /data/apps',
      '  forge: { type: github, owner: alice, repo: apps, token: "${MISSING_TOKEN}" }',
      '',
    ].join('\n');
    await writeFile(join(dir, 'config.yaml'), yaml);
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid configuration in config.yaml (3 problems):');
    expect(lines[1]).toBe('  config.yaml:6:13  hosts[0].ssh.port: expected a number from 1 to 65535, got "22a"');
    expect(lines[2]).toMatch(
      /^ {2}config\.yaml:10:3 {2}chat\.discrod: unknown key 'discrod' \(did you mean 'discord'\?\) — accepted keys here: discord, slack, shell$/,
    );
    expect(lines[3]).toMatch(
      /^ {2}config\.yaml:13:\d+ {2}apps\.forge\.token: environment variable MISSING_TOKEN is not set/,
    );
    expect(lines).toHaveLength(4);
    expect(describeConfigError(error)).toBe(error.message);
  });

  it('reports a YAML syntax error with line and column', async () => {
    await writeFile(join(dir, 'config.yaml'), 'people:\n  - name: alice\n    role: operator: x\n');
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toMatch(/config\.yaml:3:11 {2}YAML syntax error: Nested mappings/);
  });

  it('rejects duplicate host names, pointing at the second one', async () => {
    await writeFile(join(dir, 'config.yaml'), `hosts:\n${host('ct-docker-01')}${host('ct-docker-01')}`);
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toContain(
      "config.yaml:8:11  hosts[1].name: duplicate host name 'ct-docker-01', already used by hosts[0]",
    );
  });

  it('rejects a host without host key verification and says what is accepted', async () => {
    await writeFile(join(dir, 'config.yaml'), `hosts:\n${host('ct-docker-01', '')}`);
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toContain('config.yaml:4:5  hosts[0].ssh: host key verification is required');
    expect(error.message).toMatch(/hostKeyFingerprint .*SHA256.* or knownHostsPath/);
  });

  it('never echoes a secret that came from a secret-named variable', async () => {
    await writeFile(
      join(dir, 'config.yaml'),
      'chat:\n  discord:\n    token: x\n    applicationId: ${DISCORD_TOKEN}\n    guildId: "123456789012345678"\n    reportChannelId: "123456789012345678"\n',
    );
    const error = await failure(loadConfig({ cwd: dir, env: { DISCORD_TOKEN: 'MTIz.super-secret-value' } }));
    expect(error.message).toContain('chat.discord.applicationId: expected a Discord id');
    expect(error.message).not.toContain('super-secret-value');
  });
});

describe('loadConfig sources', () => {
  it('returns the embedded default when ./config.yaml is missing and no path was given', async () => {
    expect(await loadConfig({ cwd: dir, env: {} })).toEqual(defaultConfig());
    expect(defaultConfig()).toMatchObject({ hosts: [], people: [], chat: { shell: {} } });
  });

  it('fails when an explicit path or CONFIG_PATH does not exist', async () => {
    expect((await failure(loadConfig({ cwd: dir, env: {}, path: 'nope.yaml' }))).message).toContain(
      'nope.yaml: file not found',
    );
    expect((await failure(loadConfig({ cwd: dir, env: { CONFIG_PATH: 'gone.yaml' } }))).message).toContain(
      'gone.yaml: file not found',
    );
  });

  it('prefers the process environment over .env, and .env next to the config over the cwd one', async () => {
    await mkdir(join(dir, 'etc'));
    await writeFile(
      join(dir, 'etc', 'config.yaml'),
      'redis:\n  url: ${REDIS_URL}\nhttp:\n  host: ${BIND}\n  port: ${PORT}\n',
    );
    await writeFile(join(dir, 'etc', '.env'), 'REDIS_URL=redis://from-dotenv:6379\nBIND=10.0.0.1\n');
    await writeFile(join(dir, '.env'), 'BIND=10.9.9.9\nPORT=9000\n');
    const config = await loadConfig({
      cwd: dir,
      env: { CONFIG_PATH: 'etc/config.yaml', REDIS_URL: 'redis://from-env:6379' },
    });
    expect(config.redis.url).toBe('redis://from-env:6379');
    expect(config.http).toEqual({ host: '10.0.0.1', port: 9000 });
  });

  it('keeps $$ as a literal dollar and resolves relative paths against the config folder', async () => {
    await writeFile(
      join(dir, 'config.yaml'),
      `hosts:\n${host('h1')}media:\n  qbittorrent: { url: "http://qb.lan:8080", username: "a$$b", password: "$\${NOT_A_VAR}" }\n`,
    );
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config.media?.qbittorrent).toMatchObject({ username: 'a$b', password: '${NOT_A_VAR}' });
    expect(config.hosts[0]?.ssh.privateKeyPath).toBe(join(dir, 'keys', 'id'));
  });

  it('lists .env syntax problems with their line', async () => {
    await writeFile(join(dir, 'config.yaml'), 'http:\n  port: 8080\n');
    await writeFile(join(dir, '.env'), 'GOOD=1\nthis is not an assignment\n');
    const error = await failure(loadConfig({ cwd: dir, env: {} }));
    expect(error.message).toContain('.env:2:1  expected KEY=value');
  });
});
