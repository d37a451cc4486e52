import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toObserved } from '../observed.js';
import { addService, addStackTarget } from './add-service.js';
import { adoptService, durationText } from './adopt-service.js';
import { renderStack } from './write-back-check.js';

const inspect = {
  Id: 'f00',
  Name: '/whoami',
  State: { Status: 'running' },
  Config: {
    Image: 'traefik/whoami:v1.10',
    Env: ['PATH=/usr/bin', 'GREETING=cost=$5 for $HOME', 'API_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ'],
    Labels: {
      'com.docker.compose.config-hash': 'abc',
      'traefik.enable': 'true',
      'org.opencontainers.image.title': 'whoami',
    },
    Cmd: ['--port', '8080'],
    Healthcheck: { Test: ['CMD', '/whoami', '--help'], Interval: 30_000_000_000, Retries: 3 },
    User: '',
    WorkingDir: '',
  },
  HostConfig: {
    RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
    Binds: ['/srv/whoami:/data:ro'],
    PortBindings: {
      '8080/tcp': [
        { HostIp: '', HostPort: '18080' },
        { HostIp: '::', HostPort: '18080' },
      ],
    },
    NetworkMode: 'proxy',
  },
  NetworkSettings: { Networks: { proxy: {} } },
};
const image = { Config: { Env: ['PATH=/usr/bin'], Labels: { 'org.opencontainers.image.title': 'whoami' }, Cmd: [] } };

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('adoptService', () => {
  it('generates the service from inspect data: image defaults and runtime labels left out, secrets as ${VAR}', () => {
    const adopted = adoptService(toObserved({ container: inspect, image }), []);
    expect(adopted.name).toBe('whoami');
    expect(adopted.service).toMatchObject({
      image: 'traefik/whoami:v1.10',
      container_name: 'whoami',
      command: ['--port', '8080'],
      restart: 'unless-stopped',
      environment: { GREETING: 'cost=$$5 for $$HOME', API_TOKEN: '${API_TOKEN}' },
      labels: { 'traefik.enable': 'true' },
      ports: ['18080:8080'],
      volumes: ['/srv/whoami:/data:ro'],
      networks: ['proxy'],
      healthcheck: { test: ['CMD', '/whoami', '--help'], interval: '30s', retries: 3 },
    });
    expect(adopted.secretVars).toEqual(['API_TOKEN']);
    expect(adopted.externalNetworks).toEqual(['proxy']);
  });

  it('adds it to an existing stack, declaring the external network, and the stack renders the running values', async () => {
    dir = await mkdtemp(join(tmpdir(), 'adopt-'));
    const stackDir = join(dir, 'stacks', 'edge');
    await mkdir(stackDir, { recursive: true });
    const compose = '# edge services\nservices:\n  proxy:\n    image: traefik:3.1 # pinned\n';
    await writeFile(join(stackDir, 'docker-compose.yml'), compose);
    await writeFile(join(dir, 'stack-targets.yml'), 'edge: docker01\n');
    const files = await addService(stackDir, 'edge', adoptService(toObserved({ container: inspect, image }), []));
    expect(files).toEqual(['docker-compose.yml', '.env.sample']);
    const text = await readFile(join(stackDir, 'docker-compose.yml'), 'utf8');
    expect(text).toContain('    image: traefik:3.1 # pinned\n');
    expect(text).toContain('networks:\n  proxy:\n    external: true\n');
    expect(await readFile(join(stackDir, '.env.sample'), 'utf8')).toBe('API_TOKEN=changeme\n');
    const r = await renderStack({ stackDir, endpoint: null, hostEnv: 'API_TOKEN=x\n' });
    if (typeof r === 'string') throw new Error(r);
    expect(r.get('whoami')?.get('environment.GREETING')).toBe('cost=$5 for $HOME');
    expect(r.get('whoami')?.get('networks[proxy]')).toBeDefined();
    expect(r.get('proxy')?.get('image.repo')).toBe('docker.io/library/traefik');
    await expect(
      addService(stackDir, 'edge', adoptService(toObserved({ container: inspect, image }), [])),
    ).rejects.toThrow(/already has a service named whoami/);
    expect(await addStackTarget(dir, 'edge', 'docker01')).toBe(false);
    expect(await addStackTarget(dir, 'whoami', 'docker01')).toBe(true);
    expect(await readFile(join(dir, 'stack-targets.yml'), 'utf8')).toBe('edge: docker01\nwhoami: docker01\n');
  });

  it('writes durations in compose syntax', () => {
    expect([durationText(30e9), durationText(1.5e9)]).toEqual(['30s', '1500ms']);
  });
});
