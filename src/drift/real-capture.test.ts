import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareHost } from './compare-host.js';
import { loadStack } from './load-stack.js';
import { toObservedContainers, type InspectPair } from './observed.js';

// Golden data captured from the lab: docker-compose 1.29.2 on a real dockerd (`docker container
// inspect` / `docker image inspect`), plus the stack file from git and the host's `.env` (lab values).
const dir = fileURLToPath(new URL('../../test/fixtures/compose/real/', import.meta.url));
interface Capture {
  containers: { Image: string; HostConfig: { NetworkMode: string } }[];
  images: Record<string, unknown>;
}
const capture = (): Capture => JSON.parse(readFileSync(`${dir}media-downloads.inspect.json`, 'utf8')) as Capture;
const pairs = (c: Capture): InspectPair[] =>
  c.containers.map((container) => ({ container, image: c.images[container.Image] }));
const hostEnv = readFileSync(`${dir}media-downloads.host.env`, 'utf8');
const wgKey = /WIREGUARD_PRIVATE_KEY=(.*)/.exec(hostEnv)?.[1] ?? '';

async function audit(c: Capture, env?: string): Promise<ReturnType<typeof compareHost>> {
  const stack = await loadStack({
    stackDir: `${dir}media-downloads`,
    endpoint: 'media01',
    ...(env === undefined ? {} : { hostEnv: env }),
  });
  return compareHost({
    hostName: 'ct-media-01',
    expectedStacks: [stack],
    observedContainers: toObservedContainers(pairs(c)),
    knownSecrets: [wgKey],
  });
}

describe('drift on real compose 1.29 inspect output', () => {
  it('finds nothing when the host .env is known', async () => {
    expect(await audit(capture(), hostEnv)).toEqual([]);
  });

  it('reports host-only variables as unverifiable, never as in sync, and masks the key', async () => {
    const items = await audit(capture());
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.severity === 'unverifiable')).toBe(true);
    expect(items.find((i) => i.path === 'environment.WIREGUARD_PRIVATE_KEY')).toMatchObject({
      expected: '${WIREGUARD_PRIVATE_KEY}',
      actual: '••••',
    });
    expect(JSON.stringify(items)).not.toContain(wgKey);
  });

  it('flags qbittorrent when its namespace parent is no longer the gluetun container', async () => {
    const c = capture();
    const qbit = c.containers.find((x) => x.HostConfig.NetworkMode.startsWith('container:'))!;
    qbit.HostConfig.NetworkMode = `container:${'0'.repeat(64)}`;
    const items = await audit(c, hostEnv);
    expect(items).toEqual([
      expect.objectContaining({
        service: 'qbittorrent',
        path: 'network_mode',
        severity: 'breaking',
        expected: 'service:gluetun',
      }),
    ]);
  });
});
