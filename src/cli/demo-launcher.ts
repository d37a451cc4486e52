import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

/** One part of the demo homelab and whether it came up (when not: why, and what to do). */
export interface DemoPart {
  readonly name: string;
  readonly started: boolean;
  readonly detail: string;
}

/** A running demo homelab: the config that points at it, and how to stop all of it. */
export interface DemoHomelab {
  /** The lab's name, HLB_LAB_TAG included (its state lives in `/tmp/hlb-lab/<name>`). */
  readonly labName: string;
  /** `config.yaml` written for the demo (secrets in the `.env` next to it). */
  readonly configPath: string;
  /** The lab's Redis, for the shell's queue and stores. */
  readonly redisUrl: string;
  /** Directory for the bot's clone cache and scratch work (removed with the lab). */
  readonly cacheDir: string;
  readonly parts: readonly DemoPart[];
  /** Lines worth trying, shown above the prompt. */
  readonly tryLines: readonly string[];
  /** Stops every process of the lab, unmounts and removes its state dir. */
  stop(): Promise<void>;
}

/** What the lab's demo module (`lab/demo/index.ts`) provides. */
export interface DemoLauncher {
  /**
   * The command of a keeper process that stops lab `name` on SIGTERM. The CLI runs it under the
   * process owner first, so the lab goes even when the shell is SIGKILLed mid-way.
   */
  keeper(name: string): { readonly command: string; readonly args: readonly string[] };
  /** The pid of the keeper of another demo of lab `name` that is still running, if any. */
  runningKeeper(name: string): Promise<number | undefined>;
  start(options: { readonly name: string; readonly progress: (line: string) => void }): Promise<DemoHomelab>;
}

/** The source checkout this build runs from (`src/cli/` and `dist/cli/` are both two levels down). */
const checkoutRoot = new URL('../../', import.meta.url);

/**
 * Loads the demo from the checkout's `lab/` folder. The lab is TypeScript shared with the tests
 * and not part of the build: from `dist/` it is loaded through tsx (a dev dependency). Throws a
 * ConfigError saying what is missing when this is not a source checkout with its dev dependencies.
 */
export async function loadDemoLauncher(): Promise<DemoLauncher> {
  const entry = new URL('lab/demo/index.ts', checkoutRoot);
  if (!existsSync(entry)) {
    throw new ConfigError(
      `homelab-bot demo needs a source checkout: the demo homelab is built from the lab/ folder next to src/, ` +
        `which this installation does not have (${fileURLToPath(entry)}). ` +
        'Clone the repository, then run `bash scripts/run.sh` (or `npm ci && npx homelab-bot demo`) there.',
    );
  }
  if (!import.meta.url.endsWith('.ts')) {
    try {
      const { register } = await import('tsx/esm/api');
      register();
    } catch (error) {
      throw new ConfigError(
        'homelab-bot demo loads the lab/ TypeScript through tsx, a dev dependency that is not installed: run `npm ci` in the checkout.',
        { cause: error },
      );
    }
  }
  // A computed specifier: the build (src only) must not pull lab/ in.
  const loaded = (await import(entry.href)) as { demoLauncher?: DemoLauncher };
  if (loaded.demoLauncher === undefined) throw new ConfigError(`${fileURLToPath(entry)} exports no demoLauncher.`);
  return loaded.demoLauncher;
}
