import { createHash } from 'node:crypto';
import type { LabMarkers } from './lab-processes.js';

/** The two Docker "hosts" of the lab, named like the operator's Proxmox containers. */
export const labHostSpecs = [
  { name: 'ct-docker-01', endpoint: 'docker01', dir: 'host1' },
  { name: 'ct-media-01', endpoint: 'media01', dir: 'host2' },
] as const;

export type LabHostName = (typeof labHostSpecs)[number]['name'];

/** Every path a lab run uses; all of them live under `stateDir` (unix sockets stay < 100 chars). */
export interface LabPaths {
  readonly name: string;
  readonly stateDir: string;
  readonly pidsDir: string;
  readonly keysDir: string;
  readonly clientKey: string;
  readonly knownHosts: string;
  readonly remote: string;
  readonly clone: string;
  readonly hostDir: (index: number) => string;
}

/** `/tmp/hlb-lab` for root; another user (the demo without root) gets `/tmp/hlb-lab-<uid>`, which it can create. */
const defaultLabRoot = (): string => {
  const uid = process.getuid?.() ?? 0;
  return uid === 0 ? '/tmp/hlb-lab' : `/tmp/hlb-lab-${String(uid)}`;
};

/**
 * Paths of lab `name` under `root` (default `/tmp/hlb-lab`, see {@link defaultLabRoot}). `HLB_LAB_TAG` (e.g. `w1-`) prefixes
 * every lab name, so two checkouts can run the same test file at once without sharing daemons,
 * bridges or cgroups.
 */
export function labPaths(labName: string, root = defaultLabRoot()): LabPaths {
  const name = `${process.env['HLB_LAB_TAG'] ?? ''}${labName}`;
  if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(name)) {
    throw new Error(`lab name "${name}" must be 1-31 chars of a-z, 0-9 and "-"`);
  }
  const stateDir = `${root}/${name}`;
  return {
    name,
    stateDir,
    pidsDir: `${stateDir}/pids`,
    keysDir: `${stateDir}/keys`,
    clientKey: `${stateDir}/keys/id_ed25519`,
    knownHosts: `${stateDir}/keys/known_hosts`,
    remote: `${stateDir}/remote/apps.git`,
    clone: `${stateDir}/clone/apps`,
    hostDir: (index) => `${stateDir}/host${index + 1}`,
  };
}

/**
 * Second octet of host `index`'s docker address pool (`10.<octet>.0.0/16`), derived from the lab
 * name so labs with different names running at the same time do not pick overlapping bridges.
 */
export function poolOctet(name: string, index: number): number {
  const n = createHash('sha256').update(name).digest().readUInt16BE(0) % 70;
  return 100 + n * 2 + index;
}

/** cgroup parent of host `index`'s containers (lets cleanup find container processes after a crash). */
export const cgroupParent = (name: string, index: number): string => `hlb-lab-${name}-h${index + 1}`;

/** Process markers of the lab, for cleanup and for the "no process left" check. */
export function labMarkers(paths: LabPaths): LabMarkers {
  const idx = labHostSpecs.map((_, i) => i);
  return {
    stateDir: paths.stateDir,
    cgroupParents: idx.map((i) => cgroupParent(paths.name, i)),
    addressPrefixes: idx.map((i) => `10.${poolOctet(paths.name, i)}.`),
  };
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the bot's own helper, shared). */
export { freePort } from '../src/store/private-redis.js';
