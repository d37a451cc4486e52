import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHosts, connectHosts } from '../../src/infra/docker-hosts.js';
import { connectDockerHost } from '../../src/infra/docker-over-ssh.js';
import { inspectHost } from '../../src/infra/inspect-host.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { requireLab, startLab, type Lab } from '../../lab/index.js';
import { hostConfigOf, sshdChildren, sshdPid, startNoForwardSshd } from './infra-helpers.js';

const log = silentLogger();
const P = 'com.docker.compose.';

describe('Docker over one SSH connection (real lab)', () => {
  let started: Lab | undefined;
  const labOf = (): Lab => {
    if (started === undefined) throw new Error('the lab did not start');
    return started;
  };

  beforeAll(async () => {
    await requireLab();
    started = await startLab({ name: 'infra' });
  }, 900_000);

  afterAll(async () => {
    await started?.stop();
  }, 120_000);

  it('pings, lists and inspects both hosts through exactly one SSH connection each', async () => {
    const lab = labOf();
    const connections = await connectHosts(
      lab.hosts.map((h) => hostConfigOf(h)),
      log,
    );
    try {
      for (const [index, c] of connections.entries()) {
        if (!c.ok) throw c.error;
        await c.docker.ping();
        const version = await c.docker.version();
        expect(typeof version['ApiVersion']).toBe('string');
        const { containers } = await inspectHost(c.docker);
        expect(containers.length).toBeGreaterThan(1);
        for (const { container, image } of containers) {
          const labels = (container['Config'] as { Labels: Record<string, string> }).Labels;
          expect(labels[`${P}project`]).toMatch(/^[a-z0-9_-]+$/);
          expect(labels[`${P}service`]).toBeTruthy();
          const cfg = (image?.['Config'] ?? {}) as { Env?: string[]; Cmd?: string[] };
          expect(cfg.Env).toContain('PUID=911');
          expect(cfg.Cmd).toEqual(['sleep', '1d']);
        }
        expect(c.docker.transport).toBe('stream-local');
        expect(c.docker.sshStats().connects).toBe(1);
        expect(await sshdChildren(await sshdPid(lab, index))).toHaveLength(1);
      }
    } finally {
      await closeHosts(connections);
    }
  });

  it('lists compose v1, Portainer and stopped containers as compose containers, handmade ones only when asked', async () => {
    const lab = labOf();
    const host = lab.hosts[0]!;
    const made = [
      [
        'create',
        '--name',
        'legacy_web_1',
        '--label',
        `${P}project=legacy`,
        '--label',
        `${P}service=web`,
        '--label',
        `${P}container-number=1`,
        'hlb-lab/base:a',
      ],
      [
        'create',
        '--name',
        'family-app-1',
        '--label',
        `${P}project=family`,
        '--label',
        `${P}service=app`,
        '--label',
        `${P}project.working_dir=/data/compose/3`,
        '--label',
        'io.portainer.edge_stack_id=3',
        'hlb-lab/base:a',
      ],
      ['run', '-d', '--name', 'infra-handmade', 'hlb-lab/base:a', 'sleep', '1d'],
    ];
    for (const args of made) expect((await host.docker(args)).code).toBe(0);
    const docker = await connectDockerHost(hostConfigOf(host), { log });
    try {
      const names = (list: readonly Record<string, unknown>[]) => list.flatMap((c) => c['Names'] as string[]);
      const compose = await docker.listComposeContainers();
      expect(names(compose)).toEqual(expect.arrayContaining(['/legacy_web_1', '/family-app-1']));
      expect(names(compose)).not.toContain('/infra-handmade');
      expect(names(await docker.listContainers())).toContain('/infra-handmade');
      const stopped = compose.filter((c) => c['State'] === 'created').map((c) => c['Id'] as string);
      const inspected = await docker.inspectContainers(stopped);
      expect(inspected.map((c) => c['Name']).sort()).toEqual(['/family-app-1', '/legacy_web_1']);
    } finally {
      await docker.close();
      await host.docker(['rm', '-f', 'infra-handmade', 'legacy_web_1', 'family-app-1']);
    }
  });

  it('never writes env values or host file contents to the log', async () => {
    const lab = labOf();
    const host = lab.hosts[0]!;
    const lines: string[] = [];
    const captured = createLogger(
      { level: 'trace' },
      {
        write: (line: string) => {
          lines.push(line);
        },
      },
    );
    const docker = await connectDockerHost(hostConfigOf(host), { log: captured });
    try {
      const { containers } = await inspectHost(docker);
      const envFile = await docker.readFile(`${host.checkout}/stacks/infra-core/.env`);
      const secrets = containers
        .flatMap(({ container }) => (container['Config'] as { Env?: string[] }).Env ?? [])
        .map((e) => e.slice(e.indexOf('=') + 1))
        .filter((v) => v.length >= 6);
      expect(secrets.length).toBeGreaterThan(0);
      expect(envFile).toContain('CF_DNS_API_TOKEN=');
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('');
      for (const value of secrets) expect(log).not.toContain(value);
      expect(log).not.toContain(envFile);
    } finally {
      await docker.close();
    }
  });

  it('skips a container removed between list and inspect', async () => {
    const lab = labOf();
    const host = lab.hosts[0]!;
    const docker = await connectDockerHost(hostConfigOf(host), { log });
    try {
      const ids = (await docker.listComposeContainers()).map((c) => c['Id'] as string);
      const inspected = await docker.inspectContainers([...ids, 'f'.repeat(64)], { concurrency: 3 });
      expect(inspected.map((c) => c['Id'])).toEqual(ids);
      const images = await docker.inspectImages(['sha256:' + '0'.repeat(64), String(inspected[0]?.['Image'])]);
      expect([...images.keys()]).toEqual([String(inspected[0]?.['Image'])]);
    } finally {
      await docker.close();
    }
  });

  it('reads a host file over SFTP and returns null for a missing one', async () => {
    const lab = labOf();
    const host = lab.hosts[0]!;
    const docker = await connectDockerHost(hostConfigOf(host), { log });
    try {
      const path = `${host.checkout}/stacks/infra-core/.env`;
      expect(await docker.readFile(path)).toBe(await readFile(path, 'utf8'));
      expect(await docker.readFile(`${host.checkout}/stacks/infra-core/.env.nope`)).toBeNull();
    } finally {
      await docker.close();
    }
  });

  it('works through docker system dial-stdio when forced', async () => {
    const lab = labOf();
    const docker = await connectDockerHost(hostConfigOf(lab.hosts[1]!), { log, transport: 'dial-stdio' });
    try {
      expect(docker.transport).toBe('dial-stdio');
      const { containers } = await inspectHost(docker, { concurrency: 4 });
      expect(containers.length).toBeGreaterThan(1);
      expect(docker.sshStats().connects).toBe(1);
    } finally {
      await docker.close();
    }
  });

  it('falls back to dial-stdio when sshd refuses stream-local forwarding', async () => {
    const lab = labOf();
    const variant = await startNoForwardSshd(lab, 0);
    try {
      const docker = await connectDockerHost(hostConfigOf(lab.hosts[0]!, { port: variant.port }), { log });
      try {
        expect(docker.transport).toBe('dial-stdio');
        expect((await docker.listComposeContainers()).length).toBeGreaterThan(1);
      } finally {
        await docker.close();
      }
    } finally {
      variant.stop();
    }
  });

  it('reconnects after the server drops the connection', async () => {
    const lab = labOf();
    const docker = await connectDockerHost(hostConfigOf(lab.hosts[0]!), { log });
    try {
      const [child] = await sshdChildren(await sshdPid(lab, 0));
      expect(child).toBeDefined();
      process.kill(child!, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      await expect(docker.ping()).resolves.toBeUndefined();
      expect(docker.sshStats().connects).toBe(2);
    } finally {
      await docker.close();
    }
  });
});
