import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Name prefix of every owner dir (`<tmp>/hlb-owner-XXXXXX`). */
export const ownerDirPrefix = 'hlb-owner-';

/** The kernel's start time of `pid` (clock ticks since boot), or '' where /proc is missing. */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count after its closing ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** What an owner writes into its dir: pid and start time, so a reused pid is not mistaken for it. */
export const ownerStamp = (pid: number): string => `${String(pid)} ${startTime(pid)}\n`;

/** Whether the process that wrote `stamp` is still running. */
export function isOwnerAlive(stamp: string): boolean {
  const [pidText, started = ''] = stamp.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, owned by someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return started === '' || startTime(pid) === '' || startTime(pid) === started;
}

/**
 * Removes the owner dirs under `root` whose owner is dead (killed before it could clean up).
 * Dirs of other users and dirs still being created (no stamp yet, younger than a minute) are kept.
 * Returns the dirs removed.
 */
export async function sweepDeadOwners(root: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(root).catch(() => []);
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith(ownerDirPrefix))) {
    const dir = join(root, name);
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() !== true || (process.getuid !== undefined && info.uid !== process.getuid())) continue;
    const stamp = await readFile(join(dir, 'owner'), 'utf8').catch(() => undefined);
    if (stamp === undefined ? now - info.mtimeMs < 60_000 : isOwnerAlive(stamp)) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
