import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOwnerAlive, ownerStamp, sweepDeadOwners } from './sweep-owners.js';

describe('sweepDeadOwners', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hlb-sweep-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const ownerDir = async (name: string, stamp?: string): Promise<void> => {
    await mkdir(join(root, name));
    if (stamp !== undefined) await writeFile(join(root, name, 'owner'), stamp);
  };

  it('removes the dirs of dead owners and keeps live, unstamped-young and unrelated dirs', async () => {
    const deadPid = spawnSync('true').pid;
    await ownerDir('hlb-owner-dead', `${String(deadPid)} 1\n`);
    await ownerDir('hlb-owner-alive', ownerStamp(process.pid));
    await ownerDir('hlb-owner-starting');
    await ownerDir('other-dir', `${String(deadPid)} 1\n`);

    const removed = await sweepDeadOwners(root);

    expect(removed).toEqual([join(root, 'hlb-owner-dead')]);
    expect((await readdir(root)).sort()).toEqual(['hlb-owner-alive', 'hlb-owner-starting', 'other-dir']);
  });

  it('treats a live pid with another start time as a dead owner (pid reused)', () => {
    expect(isOwnerAlive(ownerStamp(process.pid))).toBe(true);
    expect(isOwnerAlive(`${String(process.pid)} 1\n`)).toBe(false);
    expect(isOwnerAlive('garbage')).toBe(false);
  });
});
