import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DriftItem } from '../drift-item.js';
import { flattenModel } from '../flatten.js';
import { loadStack } from '../load-stack.js';
import { backportService } from './backport-service.js';

const BASE = `# observability stack
services:
  grafana:
    image: grafana/grafana:11.2.0 # pinned on purpose
    restart: unless-stopped
    ports:
      - "127.0.0.1:\${GRAFANA_PORT:-13000}:3000"
    environment:
      - TZ=\${TZ:-Europe/Berlin}   # keep in sync with the host
      - GF_SECURITY_ADMIN_PASSWORD=\${GRAFANA_ADMIN_PASSWORD}
      - GF_USERS_ALLOW_SIGN_UP=false
    volumes:
      - grafana_data:/var/lib/grafana
    networks: [default, proxy]

  # the data source
  prometheus:
    image: prom/prometheus:v2.54.1
    labels:
      homelab.role: metrics
volumes:
  grafana_data:
`;
const OVERRIDE = `services:
  grafana:
    environment:
      - GF_SERVER_ROOT_URL=https://grafana.docker01.home.lan # this host's URL
`;

const item = (
  path: string,
  kind: DriftItem['kind'],
  expected: string | null,
  actual: string | null,
  service = 'grafana',
): DriftItem => ({
  host: 'ct-docker-01',
  stack: 'observability',
  service,
  kind,
  path,
  severity: 'functional',
  expected,
  actual,
});

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function stack(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'backport-'));
  const stackDir = join(dir, 'observability');
  await import('node:fs/promises').then((fs) => fs.mkdir(stackDir));
  for (const [name, text] of Object.entries(files)) await writeFile(join(stackDir, name), text);
  return stackDir;
}

const run = (stackDir: string, items: DriftItem[]) =>
  backportService({
    stackDir,
    endpoint: 'docker01',
    project: 'observability',
    service: items[0]?.service ?? 'grafana',
    items,
  });

describe('backportService', () => {
  it('edits only the drifted lines and keeps comments, order and quoting', async () => {
    const dirPath = await stack({ 'docker-compose.yml': BASE, 'docker-compose.docker01.yml': OVERRIDE });
    const result = await run(dirPath, [
      item('environment.TZ', 'changed', 'Europe/Berlin', 'UTC'),
      item('image.tag', 'changed', '11.2.0', '11.2.1'),
    ]);
    const text = await readFile(join(dirPath, 'docker-compose.yml'), 'utf8');
    expect(text).toBe(
      BASE.replace('- TZ=${TZ:-Europe/Berlin}   #', '- TZ=UTC #').replace('grafana:11.2.0', 'grafana:11.2.1'),
    );
    expect(result.files).toEqual(['docker-compose.yml']);
    expect(result.changes.map((c) => [c.path, c.file])).toEqual([
      ['environment.TZ', 'docker-compose.yml'],
      ['image.tag', 'docker-compose.yml'],
    ]);
  });

  it('changes the endpoint override when the value came from it', async () => {
    const dirPath = await stack({ 'docker-compose.yml': BASE, 'docker-compose.docker01.yml': OVERRIDE });
    const result = await run(dirPath, [
      item('environment.GF_SERVER_ROOT_URL', 'changed', 'https://grafana.docker01.home.lan', 'https://g.example.lan'),
    ]);
    expect(await readFile(join(dirPath, 'docker-compose.yml'), 'utf8')).toBe(BASE);
    expect(await readFile(join(dirPath, 'docker-compose.docker01.yml'), 'utf8')).toBe(
      OVERRIDE.replace('https://grafana.docker01.home.lan', 'https://g.example.lan'),
    );
    expect(result.files).toEqual(['docker-compose.docker01.yml']);
  });

  it('writes a secret as ${VAR}, lists VAR in .env.sample and never writes the value', async () => {
    const dirPath = await stack({ 'docker-compose.yml': BASE, '.env.sample': 'GRAFANA_PORT=13000' });
    const result = await run(dirPath, [item('environment.Api-Token', 'added', null, '••••')]);
    const text = await readFile(join(dirPath, 'docker-compose.yml'), 'utf8');
    expect(text).toContain('      - Api-Token=${API_TOKEN}\n    volumes:');
    expect(await readFile(join(dirPath, '.env.sample'), 'utf8')).toBe('GRAFANA_PORT=13000\nAPI_TOKEN=changeme\n');
    expect(result.envSampleVars).toEqual(['API_TOKEN']);
    expect(text).not.toContain('••••');
  });

  it('leaves a secret that already comes from a host variable alone and says why', async () => {
    const dirPath = await stack({ 'docker-compose.yml': BASE });
    const result = await run(dirPath, [
      item('environment.GF_SECURITY_ADMIN_PASSWORD', 'changed', '••••', '•••• (changed)'),
    ]);
    expect(result.files).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/host \.env/);
  });

  it('makes the compose model equal to what runs for ports, volumes, restart, labels and removed env', async () => {
    const dirPath = await stack({ 'docker-compose.yml': BASE });
    await run(dirPath, [
      item('ports[3000/tcp]', 'changed', '127.0.0.1:13000', '127.0.0.1:23456'),
      item('volumes[/planted]', 'added', null, 'bind:/srv/planted:ro'),
      item(
        'volumes[/var/lib/grafana]',
        'changed',
        'volume:observability_grafana_data:rw',
        'volume:observability_grafana_data:ro',
      ),
      item('restart', 'changed', 'unless-stopped', 'no'),
      item('environment.GF_USERS_ALLOW_SIGN_UP', 'removed', 'false', null),
    ]);
    await run(dirPath, [item('labels.homelab.role', 'changed', 'metrics', 'tsdb', 'prometheus')]);
    const loaded = await loadStack({
      stackDir: dirPath,
      endpoint: null,
      hostEnv: 'GRAFANA_PORT=13000\nGRAFANA_ADMIN_PASSWORD=x\n',
    });
    if (!loaded.ok) throw new Error(loaded.message);
    const grafana = flattenModel(loaded.services.find((s) => s.service === 'grafana')!.model, false);
    expect(grafana.get('ports[3000/tcp]')).toBe('127.0.0.1:23456');
    expect(grafana.get('volumes[/planted]')).toBe('bind:/srv/planted:ro');
    expect(grafana.get('volumes[/var/lib/grafana]')).toBe('volume:observability_grafana_data:ro');
    expect(grafana.get('restart')).toBe('no');
    expect(grafana.has('environment.GF_USERS_ALLOW_SIGN_UP')).toBe(false);
    const prometheus = flattenModel(loaded.services.find((s) => s.service === 'prometheus')!.model, false);
    expect(prometheus.get('labels.homelab.role')).toBe('tsdb');
    expect(await readFile(join(dirPath, 'docker-compose.yml'), 'utf8')).toContain('restart: "no"\n');
  });

  it('skips what cannot be fixed in git with a reason', async () => {
    const dirPath = await stack({ 'docker-compose.yml': BASE });
    const result = await run(dirPath, [
      item('state', 'changed', 'running', 'exited'),
      { ...item('environment.WG', 'changed', '${WG}', '••••'), severity: 'unverifiable' },
    ]);
    expect(result.changes).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/state|manual|not written/),
      expect.stringMatching(/unverifiable/),
    ]);
  });
});
