import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStack } from './load-stack.js';

const stacks = fileURLToPath(new URL('../../test/fixtures/compose/repo/stacks/', import.meta.url));

describe('loadStack', () => {
  it('merges the endpoint override and interpolates from the committed .env', async () => {
    const loaded = await loadStack({ stackDir: `${stacks}web`, endpoint: 'docker01', projectDir: '/opt/stacks/web' });
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.files).toEqual(['docker-compose.yml', 'docker-compose.docker01.yml']);
    const nginx = loaded.services.find((s) => s.service === 'nginx')!.model;
    expect(nginx.image).toEqual({ repo: 'docker.io/library/nginx', tag: '1.25-alpine', digest: '' });
    expect(nginx.environment.get('TZ')).toBe('Europe/Berlin');
    expect(nginx.environment.get('NGINX_HOST')).toBe('web.home.lan');
    expect(nginx.mounts.get('/usr/share/nginx/html')).toEqual({
      type: 'bind',
      source: '/opt/stacks/web/html',
      readOnly: true,
    });
    expect(nginx.mounts.get('/var/cache/nginx')).toEqual({
      type: 'volume',
      source: 'web_nginx-cache',
      readOnly: false,
    });
    expect(nginx.ports.get('80/tcp')).toEqual(['127.0.0.1:18080']);
    expect(nginx.networks).toEqual(new Set(['web_default']));
    expect(nginx.healthcheck).toEqual({
      test: ['CMD-SHELL', 'curl -fsS http://localhost/ || exit 1'],
      interval: 30e9,
      timeout: 5e9,
      startPeriod: 0,
      retries: 3,
    });
    expect(nginx.extraHosts).toEqual(new Set(['nas=192.168.1.10']));
  });

  it('leaves host-only variables as unverifiable markers', async () => {
    const loaded = await loadStack({ stackDir: `${stacks}vpn`, endpoint: 'docker01' });
    if (!loaded.ok) throw new Error(loaded.message);
    const gluetun = loaded.services.find((s) => s.service === 'gluetun')!.model;
    expect(gluetun.environment.get('WIREGUARD_PRIVATE_KEY')).toBe('⟪WG_KEY⟫');
    expect(gluetun.devices.get('/dev/net/tun')).toBe('/dev/net/tun:rwm');
    const qbit = loaded.services.find((s) => s.service === 'qbittorrent')!.model;
    expect(qbit.networkMode).toBe('service:gluetun');
    expect(qbit.networks.size).toBe(0);
  });

  it('uses the host .env when given, so the variable is known', async () => {
    const loaded = await loadStack({ stackDir: `${stacks}vpn`, endpoint: null, hostEnv: 'WG_KEY=abc\n' });
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.services[0]!.model.environment.get('WIREGUARD_PRIVATE_KEY')).toBe('abc');
  });

  it('reports broken YAML with the parser line and column instead of throwing', async () => {
    const loaded = await loadStack({ stackDir: `${stacks}broken`, endpoint: 'docker01' });
    expect(loaded).toMatchObject({ ok: false, stack: 'broken', file: 'docker-compose.yml', line: 5, col: 5 });
  });
});
