import { access, constants } from 'node:fs/promises';

/** True when `name` is an executable file in one of the PATH directories (or an absolute path). */
export async function hasBinary(name: string): Promise<boolean> {
  const candidates = name.startsWith('/')
    ? [name]
    : (process.env['PATH'] ?? '')
        .split(':')
        .filter((d) => d !== '')
        .map((d) => `${d}/${name}`);
  for (const path of candidates) {
    if (
      await access(path, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}

/**
 * Fails (never skips) when a service a test needs is unavailable. In CI (`CI` set) the message
 * says the CI image is broken; outside CI it says what to install (`.ci/run` installs it all).
 */
export async function requireService(name: string, probe: () => boolean | Promise<boolean>): Promise<void> {
  const ok = await Promise.resolve()
    .then(probe)
    .catch(() => false);
  if (ok) return;
  if (process.env['CI'] !== undefined && process.env['CI'] !== '') {
    throw new Error(`required service "${name}" is missing in CI; integration tests do not skip (see .ci/run)`);
  }
  throw new Error(`required service "${name}" is not available; install it (apt-get, see .ci/run) to run this test`);
}

/** Binaries the lab starts or drives. */
export const labBinaries = [
  'redis-server',
  'dockerd',
  'containerd',
  'docker',
  'docker-compose',
  '/usr/sbin/sshd',
  'ssh',
  'ssh-keygen',
  'qbittorrent-nox',
  '/usr/bin/busybox',
  'git',
  'tar',
] as const;

/** {@link requireService} for every binary of the lab, plus root (dockerd needs it). */
export async function requireLab(): Promise<void> {
  await requireService('root (dockerd, sshd)', () => process.getuid?.() === 0);
  for (const bin of labBinaries) await requireService(bin, () => hasBinary(bin));
}
