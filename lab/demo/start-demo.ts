import { mkdir } from 'node:fs/promises';
import type { DemoHomelab, DemoPart } from '../../src/cli/demo-launcher.js';
import { startLab, type Lab } from '../lab.js';
import { plantEnvDrift, plantImageDrift } from '../plant-drift.js';
import { stopLab } from '../stop-lab.js';
import { demoFamilyMember, writeDemoConfig } from './demo-config.js';
import { startDemoMedia, type DemoMedia } from './demo-media.js';
import { demoBlockers } from './demo-parts.js';

/** The drifts planted on ct-docker-01, as if someone had changed things by hand on the host. */
async function plantDrifts(lab: Lab): Promise<string> {
  await Promise.all([
    plantImageDrift(lab, { stack: 'observability', service: 'grafana' }),
    plantEnvDrift(lab, { stack: 'dns-pihole', service: 'pihole', key: 'TZ', value: 'UTC' }),
  ]);
  return 'grafana runs grafana/grafana:11.2.1 (git: 11.2.0); pihole runs with TZ=UTC (git: ${TZ} = Europe/Berlin)';
}

const part = (name: string, blocker: string | undefined, detail: string): DemoPart =>
  blocker === undefined ? { name, started: true, detail } : { name, started: false, detail: blocker };

function tryLines(hosts: boolean, media: boolean, qbittorrent: boolean): string[] {
  return [
    ...(hosts
      ? [
          '/drift audit                      what differs between the hosts and git (2 planted drifts)',
          '/drift fix observability grafana  a fix branch in the apps repo; type the number of Approve to merge it, then Revert',
          '/drift lint                       the stacks in git against the conventions',
        ]
      : []),
    ...(media ? ['/health                           the media pipeline, hop by hop'] : []),
    ...(qbittorrent
      ? ['/e2e                              a test movie through Overseerr → Radarr → qBittorrent → Plex']
      : []),
    '/catalog                          services, stacks and hosts (catalog.md and a Mermaid diagram)',
    ...(media
      ? [
          `as ${demoFamilyMember} /request movie Amélie     a family member's request (then "as ${demoFamilyMember} <n> 1" to pick)`,
        ]
      : []),
    'help                              every command; quit (or Ctrl-C twice) stops the demo and everything it started',
  ];
}

/**
 * Starts the demo homelab `name`: the lab (two Docker hosts behind SSH with the fixture stacks,
 * the apps repo on a plain-git remote, Redis), two planted drifts, the media emulators with a real
 * qBittorrent, and writes a config pointing at all of it. A part this machine cannot run is left
 * out with the reason; Redis and git are required.
 */
export async function startDemo(options: {
  readonly name: string;
  readonly progress: (line: string) => void;
}): Promise<DemoHomelab> {
  const blockers = await demoBlockers();
  if (blockers.core !== undefined) throw new Error(`The demo cannot start: ${blockers.core}.`);
  const withHosts = blockers.hosts === undefined;
  options.progress(
    withHosts
      ? 'Starting two Docker hosts behind SSH (ct-docker-01, ct-media-01), the apps repo and Redis…'
      : 'Starting the apps repo and Redis (no Docker hosts, see below)…',
  );
  const lab = await startLab({ name: options.name, hosts: withHosts });
  let media: DemoMedia | undefined;
  try {
    const qbt = blockers.qbittorrent === undefined ? ', qBittorrent' : '';
    options.progress(
      `${withHosts ? 'Planting drift and starting' : 'Starting'} the media services (Overseerr, Radarr, Sonarr, Prowlarr, Plex, Gluetun${qbt})…`,
    );
    await mkdir(`${lab.stateDir}/media`, { recursive: true });
    const [drifts, started] = await Promise.all([
      withHosts ? plantDrifts(lab) : Promise.resolve(''),
      startDemoMedia(`${lab.stateDir}/media`, blockers.qbittorrent === undefined),
    ]);
    media = started;
    const configPath = await writeDemoConfig(lab, media.config);
    const hostNames = lab.hosts.map((h) => h.name).join(', ');
    return {
      labName: lab.name,
      configPath,
      redisUrl: lab.redisUrl,
      cacheDir: `${lab.stateDir}/cache`,
      parts: [
        part('Docker hosts', blockers.hosts, `${hostNames}: dockerd behind sshd, ${lab.stacks.length} compose stacks`),
        part('Planted drift', withHosts ? undefined : 'needs the Docker hosts', drifts),
        { name: 'Apps repo', started: true, detail: `${lab.apps.remote} (plain git, remediation as branches)` },
        part('qBittorrent', blockers.qbittorrent, 'qbittorrent-nox, wired to Radarr and Plex for /e2e'),
        { name: 'Media emulators', started: true, detail: 'Overseerr, Radarr, Sonarr, Prowlarr, Plex, Gluetun' },
      ],
      tryLines: tryLines(withHosts, true, blockers.qbittorrent === undefined),
      stop: async () => {
        await media?.close();
        await stopLab(options.name);
      },
    };
  } catch (error) {
    await media?.close();
    await stopLab(options.name).catch(() => undefined);
    throw error;
  }
}
