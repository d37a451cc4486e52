import { describe, expect, it } from 'vitest';
import { toDevices, toExtraHosts, toHealthcheck, toRestart } from './canonical-fields.js';
import { toMounts } from './canonical-mounts.js';
import { toPortBindings } from './canonical-ports.js';
import { parseDuration, shellSplit } from './shell-split.js';

const mctx = {
  project: 'web',
  projectDir: '/opt/stacks/web',
  volumes: { data: null, ext: { external: 'true' }, named: { name: 'shared-data' } },
};

describe('canonical ports', () => {
  it.each<[unknown[], Record<string, string[]>]>([
    [['8080:80'], { '80/tcp': [':8080'] }],
    [['127.0.0.1:8080:80/udp'], { '80/udp': ['127.0.0.1:8080'] }],
    [['[::1]:8080:80'], { '80/tcp': ['::1:8080'] }],
    [['80'], { '80/tcp': [':⟪*⟫'] }],
    [['9000-9001:8000-8001'], { '8000/tcp': [':9000'], '8001/tcp': [':9001'] }],
    [[{ target: '53', published: '5353', protocol: 'udp', host_ip: '10.0.0.1' }], { '53/udp': ['10.0.0.1:5353'] }],
    [['8080:80', '127.0.0.1:8081:80'], { '80/tcp': ['127.0.0.1:8081', ':8080'] }],
  ])('%j', (ports, expected) => {
    expect(Object.fromEntries(toPortBindings(ports))).toEqual(expected);
  });
});

describe('canonical mounts', () => {
  it('resolves binds against the project dir and names volumes like compose', () => {
    const mounts = toMounts(
      ['./conf/:/etc/app/', 'data:/data:ro', 'ext:/ext', 'named:/named', '/cache', '~/x:/x'],
      ['/run:size=64m'],
      mctx,
    );
    expect(Object.fromEntries(mounts)).toEqual({
      '/etc/app': { type: 'bind', source: '/opt/stacks/web/conf', readOnly: false },
      '/data': { type: 'volume', source: 'web_data', readOnly: true },
      '/ext': { type: 'volume', source: 'ext', readOnly: false },
      '/named': { type: 'volume', source: 'shared-data', readOnly: false },
      '/cache': { type: 'volume', source: '⟪*⟫', readOnly: false },
      '/x': { type: 'bind', source: '⟪HOME⟫/x', readOnly: false },
      '/run': { type: 'tmpfs', source: 'size=64m', readOnly: false },
    });
  });

  it('keeps a variable-rooted source as a symbolic bind path', () => {
    expect(toMounts(['⟪MEDIA_ROOT⟫/downloads:/data'], undefined, mctx).get('/data')).toEqual({
      type: 'bind',
      source: '⟪MEDIA_ROOT⟫/downloads',
      readOnly: false,
    });
  });

  it('reads the long syntax', () => {
    const mounts = toMounts([{ type: 'bind', source: '../shared', target: '/s', read_only: 'true' }], undefined, mctx);
    expect(mounts.get('/s')).toEqual({ type: 'bind', source: '/opt/stacks/shared', readOnly: true });
  });
});

describe('canonical fields', () => {
  it('splits commands like go-shellwords, without sh -c', () => {
    expect(shellSplit(`sh -c 'echo "hi there"' a\\ b "x\\"y"`)).toEqual(['sh', '-c', 'echo "hi there"', 'a b', 'x"y']);
    expect(shellSplit('')).toEqual([]);
  });

  it('parses go durations into nanoseconds', () => {
    expect([parseDuration('1m30s'), parseDuration('500ms'), parseDuration('1d'), parseDuration('x')]).toEqual([
      90e9,
      500e6,
      86_400e9,
      undefined,
    ]);
  });

  it('turns a string healthcheck into CMD-SHELL and disable into NONE', () => {
    expect(toHealthcheck({ test: 'curl -f x', interval: '1m', retries: '5' })).toEqual({
      test: ['CMD-SHELL', 'curl -f x'],
      interval: 60e9,
      timeout: 0,
      startPeriod: 0,
      retries: 5,
    });
    expect(toHealthcheck({ disable: 'true' })?.test).toEqual(['NONE']);
  });

  it('lets deploy.restart_policy win over restart', () => {
    expect(
      toRestart({ restart: 'always', deploy: { restart_policy: { condition: 'on-failure', max_attempts: '3' } } }),
    ).toBe('on-failure:3');
    expect(toRestart({ deploy: { restart_policy: { condition: 'none' } } })).toBe('no');
    expect(toRestart({})).toBeNull();
  });

  it('defaults device targets and permissions', () => {
    expect(Object.fromEntries(toDevices(['/dev/net/tun', '/dev/dri:/dev/dri:r']))).toEqual({
      '/dev/net/tun': '/dev/net/tun:rwm',
      '/dev/dri': '/dev/dri:r',
    });
  });

  it('normalises extra_hosts separators', () => {
    expect(toExtraHosts(['nas:10.0.0.2', 'db=10.0.0.3', 'v6:::1'])).toEqual(
      new Set(['nas=10.0.0.2', 'db=10.0.0.3', 'v6=::1']),
    );
    expect(toExtraHosts({ nas: '10.0.0.2' })).toEqual(new Set(['nas=10.0.0.2']));
  });
});
