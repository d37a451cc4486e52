import { describe, expect, it } from 'vitest';
import type { DriftItem } from '../drift-item.js';
import { planEdits, toVarName } from './field-edit.js';

const item = (
  path: string,
  expected: string | null,
  actual: string | null,
  extra: Partial<DriftItem> = {},
): DriftItem => ({
  host: 'h',
  stack: 's',
  service: 'svc',
  kind: expected === null ? 'added' : actual === null ? 'removed' : 'changed',
  path,
  severity: 'functional',
  expected,
  actual,
  ...extra,
});

describe('planEdits', () => {
  it('turns a masked env or label value into a ${VAR} reference, never the value', () => {
    const [env, label] = planEdits([
      item('environment.db.password', null, '••••'),
      item('labels.auth', 'a', '•••• (changed)'),
    ]);
    expect(env).toMatchObject({
      edit: {
        kind: 'entry',
        block: 'environment',
        key: 'db.password',
        value: '${DB_PASSWORD}',
        secretVar: 'DB_PASSWORD',
      },
    });
    expect(label).toMatchObject({ edit: { kind: 'entry', block: 'labels', value: '${AUTH}' } });
  });

  it('treats a value containing a known secret as a secret even under a harmless key', () => {
    const [plan] = planEdits([item('environment.URL', null, 'https://u:hunter2pw@x')], ['hunter2pw']);
    expect(plan).toMatchObject({ edit: { value: '${URL}', secretVar: 'URL' } });
  });

  it('leaves masked non-env values, unverifiable items, ephemeral ports and runtime state alone, saying why', () => {
    const plans = planEdits([
      item('command', '[]', '••••'),
      item('environment.WG', '${WG}', '••••', { severity: 'unverifiable' }),
      item('ports[80/tcp]', '127.0.0.1:8080', ':⟪*⟫'),
      item('state', 'running', 'exited'),
      item('networks[proxy]', null, 'present'),
    ]);
    expect(plans.every((p) => 'skipped' in p)).toBe(true);
    expect(plans.map((p) => ('skipped' in p ? p.skipped : ''))).toEqual([
      expect.stringMatching(/secret/),
      expect.stringMatching(/unverifiable/),
      expect.stringMatching(/ephemeral/),
      expect.stringMatching(/not written back/),
      expect.stringMatching(/by hand/),
    ]);
  });

  it('maps ports, volumes, image parts and scalars to edits', () => {
    const plans = planEdits([
      item('ports[53/udp]', '0.0.0.0:53', ':5353, 127.0.0.1:53'),
      item('volumes[/data]', null, 'bind:/srv/data:ro'),
      item('image.tag', '1.0', '1.1'),
      item('restart', 'always', 'no'),
    ]);
    expect(plans.map((p) => ('edit' in p ? p.edit : p.skipped))).toEqual([
      { kind: 'port', target: '53', protocol: 'udp', bindings: [':5353', '127.0.0.1:53'] },
      { kind: 'volume', target: '/data', mount: { type: 'bind', source: '/srv/data', readOnly: true } },
      { kind: 'image', tag: '1.1' },
      { kind: 'scalar', field: 'restart', value: 'no' },
    ]);
  });

  it('maps healthcheck, caps, dns, extra hosts, devices, sysctls, ulimits and logging to edits', () => {
    const plans = planEdits([
      item('healthcheck.interval', '30s', '10s'),
      item('cap_add[SYS_TIME]', null, 'present'),
      item('dns[9.9.9.9]', 'present', null),
      item('extra_hosts[nas=10.0.0.2]', null, 'present'),
      item('devices[/dev/dri]', null, '/dev/dri:rwm'),
      item('sysctls.net.ipv4.ip_forward', '0', '1'),
      item('ulimits.nofile', '1024:1024', '65535:65535'),
      item('logging.options.max-size', '10m', '50m'),
    ]);
    expect(plans.map((p) => ('edit' in p ? p.edit : p.skipped))).toEqual([
      { kind: 'healthcheck', part: 'interval', value: '10s' },
      { kind: 'list', field: 'cap_add', entry: 'SYS_TIME', present: true },
      { kind: 'list', field: 'dns', entry: '9.9.9.9', present: false },
      { kind: 'list', field: 'extra_hosts', entry: 'nas=10.0.0.2', present: true },
      { kind: 'device', target: '/dev/dri', value: '/dev/dri:rwm' },
      { kind: 'map', field: 'sysctls', key: 'net.ipv4.ip_forward', value: '1' },
      { kind: 'ulimit', name: 'nofile', value: '65535:65535' },
      { kind: 'logging', part: 'options.max-size', value: '50m' },
    ]);
  });

  it('names variables the way compose accepts them', () => {
    expect(toVarName('api-key.v2')).toBe('API_KEY_V2');
    expect(toVarName('2fa')).toBe('_2FA');
  });
});
