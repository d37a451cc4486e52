import { hasBinary } from '../require-service.js';

/** Why a part of the demo cannot start on this machine, or undefined when it can. */
export type Blocker = string | undefined;

/** Debian packages that provide each binary the demo runs (what `scripts/setup-debian.sh` installs). */
const packages: Readonly<Record<string, string>> = {
  'redis-server': 'redis-server',
  git: 'git',
  dockerd: 'docker.io',
  containerd: 'containerd',
  docker: 'docker.io',
  'docker-compose': 'docker-compose',
  '/usr/sbin/sshd': 'openssh-server',
  ssh: 'openssh-client',
  'ssh-keygen': 'openssh-client',
  '/usr/bin/busybox': 'busybox-static',
  tar: 'tar',
  'qbittorrent-nox': 'qbittorrent-nox',
};

async function missing(binaries: readonly string[]): Promise<Blocker> {
  const absent: string[] = [];
  for (const b of binaries) if (!(await hasBinary(b))) absent.push(b);
  if (absent.length === 0) return undefined;
  const pkgs = [...new Set(absent.map((b) => packages[b] ?? b))].join(' ');
  return `${absent.join(', ')} not found (apt-get install ${pkgs}, or bash scripts/setup-debian.sh)`;
}

/** What the demo needs for each part; a part with a blocker is left out and the rest still starts. */
export async function demoBlockers(): Promise<{ core: Blocker; hosts: Blocker; qbittorrent: Blocker }> {
  const uid = process.getuid?.();
  const notRoot =
    uid === 0 ? undefined : `dockerd and sshd need root and this runs as uid ${String(uid ?? '?')} (run it as root)`;
  return {
    core: await missing(['redis-server', 'git']),
    hosts:
      notRoot ??
      (await missing([
        'dockerd',
        'containerd',
        'docker',
        'docker-compose',
        '/usr/sbin/sshd',
        'ssh-keygen',
        '/usr/bin/busybox',
        'tar',
      ])),
    qbittorrent: await missing(['qbittorrent-nox']),
  };
}
