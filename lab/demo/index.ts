import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DemoLauncher } from '../../src/cli/demo-launcher.js';
import { labPaths } from '../lab-paths.js';
import { startDemo } from './start-demo.js';

const keeperFile = fileURLToPath(new URL('./demo-keeper.ts', import.meta.url));

/** Keeper arguments: the lab name it stops, then the tagged name (only to tell demos of different tags apart). */
const keeperArgs = (name: string): string[] => [keeperFile, name, labPaths(name).name];

async function runningKeeper(name: string): Promise<number | undefined> {
  // Any checkout's keeper of this lab: they would share its state dir.
  const wanted = ['demo-keeper.ts', ...keeperArgs(name).slice(1)].join('\0');
  for (const entry of (await readdir('/proc')).filter((e) => /^\d+$/.test(e))) {
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`/${wanted}\0`) && Number(entry) !== process.pid) return Number(entry);
  }
  return undefined;
}

/** What `homelab-bot demo` loads from the checkout (see src/cli/demo-launcher.ts). */
export const demoLauncher: DemoLauncher = {
  keeper: (name) => ({
    command: process.execPath,
    args: ['--import', import.meta.resolve('tsx'), ...keeperArgs(name)],
  }),
  runningKeeper,
  start: startDemo,
};
