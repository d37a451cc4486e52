import { readFile } from 'node:fs/promises';
import { labMarkers, labPaths } from './lab-paths.js';
import { cleanupLab, containerProcesses, findLabProcesses, recordedPids } from './lab-processes.js';
import { signal, terminate } from './proc.js';

async function dockerdPids(pidsDir: string): Promise<number[]> {
  const read = (n: number): Promise<number> =>
    readFile(`${pidsDir}/dockerd-h${n}.pid`, 'utf8').then(
      (t) => Number(t.trim()),
      () => 0,
    );
  return (await Promise.all([read(1), read(2)])).filter((p) => p > 1);
}

/**
 * Stops lab `name`: container processes (SIGKILL), then dockerd (so it cleans up and unmounts its netns), then
 * every other process of the lab; unmounts leftovers, removes the state dir and verifies that
 * no process of the lab remains (throws listing them otherwise).
 */
export async function stopLab(name: string): Promise<void> {
  const paths = labPaths(name);
  const markers = labMarkers(paths);
  const started = await recordedPids(paths.stateDir);
  // Containers are disposable: SIGKILL their processes so dockerd need not stop them one by one.
  for (const pid of await containerProcesses(markers.cgroupParents)) signal(pid, 'SIGKILL');
  await terminate(await dockerdPids(paths.pidsDir), 15_000);
  await cleanupLab(markers);
  const left = await findLabProcesses(markers, started);
  if (left.length > 0) throw new Error(`lab ${name}: processes still running after stop: ${left.join(', ')}`);
}
