import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { isAlive, run, terminate } from './proc.js';

/** What identifies a process as belonging to one lab run. */
export interface LabMarkers {
  /** The lab's state dir; any process whose command line mentions it is ours. */
  readonly stateDir: string;
  /** cgroup parents given to the lab's dockerd (`--cgroup-parent`); container processes live below them. */
  readonly cgroupParents: readonly string[];
  /** Address prefixes of the lab's docker networks (`10.131.`); matches orphaned `docker-proxy`. */
  readonly addressPrefixes: readonly string[];
}

interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly cmdline: string;
  readonly cgroup: string;
}

async function readProc(pid: number): Promise<ProcInfo | undefined> {
  try {
    const [stat, cmdline, cgroup] = await Promise.all([
      readFile(`/proc/${pid}/stat`, 'utf8'),
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
      readFile(`/proc/${pid}/cgroup`, 'utf8'),
    ]);
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rest[0] === 'Z' || rest[0] === 'X') return undefined;
    return { pid, ppid: Number(rest[1]), cmdline: cmdline.replaceAll('\0', ' '), cgroup };
  } catch {
    return undefined;
  }
}

function isMarked(p: ProcInfo, m: LabMarkers): boolean {
  if (p.cmdline.includes(`${m.stateDir}/`)) return true;
  if (m.cgroupParents.some((c) => p.cgroup.includes(`:/${c}/`))) return true;
  if (p.cmdline.includes('docker-proxy')) {
    return m.addressPrefixes.some((a) => p.cmdline.includes(`-container-ip ${a}`));
  }
  return false;
}

/** Pids of live processes that belong to the lab, plus their descendants and the given extra pids. */
export async function findLabProcesses(m: LabMarkers, extraPids: readonly number[] = []): Promise<number[]> {
  const entries = await readdir('/proc');
  const infos = (await Promise.all(entries.filter((e) => /^\d+$/.test(e)).map((e) => readProc(Number(e))))).filter(
    (p): p is ProcInfo => p !== undefined && p.pid !== process.pid,
  );
  const found = new Set(infos.filter((p) => isMarked(p, m)).map((p) => p.pid));
  for (const pid of extraPids) if (await isAlive(pid)) found.add(pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of infos) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return [...found];
}

/** Pids of processes running inside the lab's containers (found by cgroup parent). */
export async function containerProcesses(cgroupParents: readonly string[]): Promise<number[]> {
  const entries = await readdir('/proc');
  const infos = await Promise.all(entries.filter((e) => /^\d+$/.test(e)).map((e) => readProc(Number(e))));
  return infos
    .filter((p): p is ProcInfo => p !== undefined && cgroupParents.some((c) => p.cgroup.includes(`:/${c}/`)))
    .map((p) => p.pid);
}

/** Pids recorded in `<stateDir>/pids/*.pid` (ours and dockerd's own pidfiles). */
export async function recordedPids(stateDir: string): Promise<number[]> {
  const dir = `${stateDir}/pids`;
  const names = await readdir(dir).catch(() => []);
  const pids = await Promise.all(names.map(async (n) => Number((await readFile(`${dir}/${n}`, 'utf8')).trim())));
  return pids.filter((p) => Number.isInteger(p) && p > 1);
}

/** Mount points below `dir`, deepest first (netns and shm mounts dockerd leaves after a crash). */
export async function mountsBelow(dir: string): Promise<string[]> {
  const info = await readFile('/proc/self/mountinfo', 'utf8');
  const points = info
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((p) => p.startsWith(`${dir}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/**
 * Kills every process of a previous (possibly crashed) run, unmounts what is still mounted
 * below the state dir, removes the lab's container cgroups and finally the state dir itself.
 */
export async function cleanupLab(m: LabMarkers): Promise<void> {
  const pids = await findLabProcesses(m, await recordedPids(m.stateDir));
  await terminate(pids, 3_000);
  for (const point of await mountsBelow(m.stateDir)) {
    await run('umount', ['-l', point]);
  }
  await removeCgroups(m.cgroupParents);
  await rm(m.stateDir, { recursive: true, force: true, maxRetries: 3 });
}

async function removeCgroups(parents: readonly string[]): Promise<void> {
  const controllers = await readdir('/sys/fs/cgroup').catch(() => []);
  for (const ctl of controllers) {
    for (const parent of parents) {
      const base = `/sys/fs/cgroup/${ctl}/${parent}`;
      const children = await readdir(base, { withFileTypes: true }).catch(() => []);
      for (const c of children) if (c.isDirectory()) await rmdir(`${base}/${c.name}`).catch(() => undefined);
      await rmdir(base).catch(() => undefined);
    }
  }
}
