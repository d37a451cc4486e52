import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareHost } from './compare-host.js';
import { loadStack } from './load-stack.js';
import { toObservedContainers } from './observed.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const container = (name: string, labels: Record<string, string> = {}) => ({
  Id: `id-${name}`,
  Name: `/${name}`,
  State: { Status: 'running' },
  Config: { Image: 'busybox:1.36.1', Env: [], Labels: labels, Cmd: ['sleep', '1d'], User: '', WorkingDir: '' },
  HostConfig: { RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 }, NetworkMode: 'bridge' },
  NetworkSettings: { Networks: { bridge: {} } },
});

async function audit(containers: ReturnType<typeof container>[]) {
  const dir = await mkdtemp(join(tmpdir(), 'adopted-'));
  dirs.push(dir);
  await writeFile(
    join(dir, 'docker-compose.yml'),
    'services:\n  whoami:\n    image: busybox:1.36.1\n    container_name: whoami\n    command: [sleep, 1d]\n    restart: unless-stopped\n    network_mode: bridge\n',
  );
  const stack = await loadStack({ stackDir: dir, endpoint: null });
  return compareHost({
    hostName: 'h',
    expectedStacks: [stack],
    observedContainers: toObservedContainers(containers.map((c) => ({ container: c, image: {} }))),
  });
}

describe('compareHost and adopted containers', () => {
  it('matches a hand-made container to the service whose container_name it has: managed and clean', async () => {
    expect(await audit([container('whoami')])).toEqual([]);
  });

  it('still reports other hand-made containers as unmanaged, and the service missing without its container', async () => {
    const items = await audit([container('stray')]);
    expect(items.map((i) => `${i.kind} ${i.service}`).sort()).toEqual([
      'missing-container whoami',
      'unmanaged-container stray',
    ]);
  });

  it('does not take a container of another compose project by name', async () => {
    const other = container('whoami', { 'com.docker.compose.project': 'other', 'com.docker.compose.service': 'x' });
    expect((await audit([other])).map((i) => i.kind).sort()).toEqual(['missing-container', 'unmanaged-container']);
  });
});
