import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaleStack,
  breakStackYaml,
  composeContainer,
  labProcesses,
  plantEnvDrift,
  plantImageDrift,
  plantLabelDrift,
  plantNetworkModeDrift,
  plantPortDrift,
  plantRestartDrift,
  plantVolumeDrift,
  qbittorrentVersion,
  removeService,
  requireLab,
  startLab,
  startQbittorrent,
  startUnmanaged,
  stopService,
  type Lab,
} from '../../lab/index.js';
import { run } from '../../lab/proc.js';
import { dockerPingOverSsh, sshExec } from '../../lab/ssh-probe.js';

interface PsRow {
  Names: string;
  Labels: string;
  State: string;
}

const projectsOf = (stdout: string): string[] => {
  const rows = stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PsRow);
  const projects = rows.map((r) => /com\.docker\.compose\.project=([^,]+)/.exec(r.Labels)?.[1] ?? '');
  return [...new Set(projects)].sort();
};

interface Inspected {
  Id: string;
  Config: { Env: string[]; Image: string; Labels: Record<string, string | undefined> };
  HostConfig: {
    NetworkMode: string;
    Binds: string[] | null;
    RestartPolicy: { Name: string };
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  };
  State: { Running: boolean };
}

async function inspect(lab: Lab, stack: string, container: string): Promise<Inspected> {
  const result = await lab.hostForStack(stack).docker(['inspect', container]);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as Inspected[])[0]!;
}

describe('the real test lab', () => {
  let lab: Lab;

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'it-lab' });
  });

  afterAll(async () => {
    await lab.stop();
  });

  it('reaches both hosts over SSH with key auth and strict host key checking, each seeing its own dockerd', async () => {
    const [h1, h2] = await Promise.all(lab.hosts.map((h) => sshExec(h, 'docker ps --format json')));
    expect(h1?.code, h1?.stderr).toBe(0);
    expect(h2?.code, h2?.stderr).toBe(0);
    expect(projectsOf(h1!.stdout)).toEqual(['dns-pihole', 'infra-core', 'observability']);
    expect(projectsOf(h2!.stdout)).toEqual(['media-downloads', 'media-indexers', 'media-plex']);
  });

  it('answers the Docker API through a forwarded unix socket over ssh2, pinned to the lab fingerprint', async () => {
    for (const host of lab.hosts) {
      const response = await dockerPingOverSsh(host);
      expect(response).toMatch(/^HTTP\/1\.[01] 200 OK/);
      expect(response.endsWith('OK')).toBe(true);
    }
  });

  it('rejects a client key that is not authorized', async () => {
    const host = lab.hosts[0]!;
    const other = `${lab.stateDir}/keys/other`;
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const result = await sshExec({ ...host, privateKeyPath: other }, 'true');
    expect(result.code).toBe(255);
  });

  it('runs the stacks with real compose labels, the endpoint override and the real .env', async () => {
    const host = lab.hostForStack('observability');
    const grafana = await inspect(lab, 'observability', await composeContainer(host, 'observability', 'grafana'));
    const labels = grafana.Config.Labels;
    expect(labels['com.docker.compose.project']).toBe('observability');
    expect(labels['com.docker.compose.service']).toBe('grafana');
    expect(labels['com.docker.compose.project.config_files']).toContain('docker-compose.docker01.yml');
    expect(labels['homelab.endpoint']).toBe('docker01');
    expect(grafana.Config.Env).toContain('GF_SECURITY_ADMIN_PASSWORD=lab-secret-grafana-pw-9d1e');
    const qbt = await inspect(
      lab,
      'media-downloads',
      await composeContainer(lab.hostForStack('media-downloads'), 'media-downloads', 'qbittorrent'),
    );
    expect(qbt.HostConfig.NetworkMode).toMatch(/^container:/);
  });

  it('makes a planted env drift visible in docker inspect, keeping compose labels', async () => {
    const host = lab.hostForStack('dns-pihole');
    const before = await inspect(lab, 'dns-pihole', await composeContainer(host, 'dns-pihole', 'pihole'));
    const drift = await plantEnvDrift(lab, {
      stack: 'dns-pihole',
      service: 'pihole',
      key: 'TZ',
      value: 'America/New_York',
    });
    const after = await inspect(lab, 'dns-pihole', drift.container!);
    expect(before.Config.Env).toContain('TZ=Europe/Berlin');
    expect(after.Config.Env).toContain('TZ=America/New_York');
    expect(after.Id).not.toBe(before.Id);
    expect(after.Config.Labels['com.docker.compose.project']).toBe('dns-pihole');
    expect(after.Config.Labels['com.docker.compose.config-hash']).not.toBe(
      before.Config.Labels['com.docker.compose.config-hash'],
    );
  });

  it('plants image, network_mode, stopped and unmanaged drift', async () => {
    const image = await plantImageDrift(lab, { stack: 'media-indexers', service: 'sonarr' });
    expect((await inspect(lab, 'media-indexers', image.container!)).Config.Image).toBe(
      'lscr.io/linuxserver/sonarr:4.0.10',
    );
    const mode = await plantNetworkModeDrift(lab, { stack: 'media-downloads', service: 'qbittorrent' });
    expect(mode.before).toBe('service:gluetun');
    expect((await inspect(lab, 'media-downloads', mode.container!)).HostConfig.NetworkMode).toBe('none');
    const stopped = await stopService(lab, { stack: 'infra-core', service: 'whoami' });
    expect((await inspect(lab, 'infra-core', stopped.container!)).State.Running).toBe(false);
    const stray = await startUnmanaged(lab.hosts[1]!);
    const strayInfo = await inspect(lab, 'media-plex', stray.container!);
    expect(strayInfo.Config.Labels['com.docker.compose.project']).toBeUndefined();
  });

  it('plants label, port, bind volume and restart drift, and removes a container', async () => {
    const ref = { stack: 'media-indexers', service: 'radarr' };
    const label = await plantLabelDrift(lab, { ...ref, key: 'traefik.enable', value: 'false' });
    expect(label.before).toBe('true');
    const port = await plantPortDrift(lab, ref);
    const volume = await plantVolumeDrift(lab, ref);
    const restart = await plantRestartDrift(lab, { ...ref, policy: 'on-failure' });
    const info = await inspect(lab, 'media-indexers', restart.container!);
    expect(info.Config.Labels['traefik.enable']).toBe('false');
    const bound = Object.values(info.HostConfig.PortBindings)
      .flat()
      .map((b) => `127.0.0.1:${b.HostPort}:7878`);
    expect(bound).toEqual([port.after]);
    expect(port.after).not.toBe(port.before);
    // compose v1 writes binds as `src:dst:rw`.
    expect(info.HostConfig.Binds?.map((b) => b.replace(/:rw$/, ''))).toContain(volume.after);
    expect(info.HostConfig.RestartPolicy.Name).toBe('on-failure');
    const removed = await removeService(lab, { stack: 'media-plex', service: 'plex' });
    const gone = await lab.hostForStack('media-plex').docker(['inspect', removed.before!]);
    expect(gone.code).not.toBe(0);
  });

  it('pushes a stale stack that no host runs', async () => {
    const drift = await addStaleStack(lab, 'legacy-heimdall', 'docker01');
    const targets = await run('git', ['--git-dir', lab.apps.remote, 'show', `${drift.commit!}:stack-targets.yml`]);
    expect(targets.stdout).toContain('legacy-heimdall: docker01');
    const ps = await lab.hosts[0]!.docker([
      'ps',
      '-a',
      '--filter',
      'label=com.docker.compose.project=legacy-heimdall',
      '-q',
    ]);
    expect(ps.stdout.trim()).toBe('');
  });

  it('pushes a broken compose file to the apps remote', async () => {
    const drift = await breakStackYaml(lab, 'observability');
    const shown = await run('git', [
      '--git-dir',
      lab.apps.remote,
      'show',
      'main:stacks/observability/docker-compose.yml',
    ]);
    expect(shown.stdout).toBe(drift.after);
  });

  it('starts qbittorrent-nox 4.5.2, twice in a row without failing on leftovers', async () => {
    const first = await startQbittorrent(lab);
    const second = await startQbittorrent(lab);
    expect(await qbittorrentVersion(second.url)).toBe('v4.5.2');
    expect(await labProcesses('it-lab', [first.pid])).not.toContain(first.pid);
    await second.stop();
  });

  it('stops leaving no process, mount or state dir behind', async () => {
    const before = await labProcesses('it-lab');
    expect(before.length).toBeGreaterThan(10);
    await lab.stop();
    expect(await labProcesses('it-lab', before)).toEqual([]);
    expect((await run('pgrep', ['-f', `${lab.stateDir}/`])).code).toBe(1);
    expect((await run('test', ['-e', lab.stateDir])).code).toBe(1);
    expect((await run('grep', ['-c', lab.stateDir, '/proc/self/mountinfo'])).stdout.trim()).toBe('0');
  });
});
