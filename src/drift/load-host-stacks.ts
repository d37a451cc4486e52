import { posix } from 'node:path';
import { loadStack, type LoadedStack } from './load-stack.js';

/** Loads every stack assigned to one host. */
export interface LoadHostStacksOptions {
  readonly repoDir: string;
  readonly stacksDir?: string;
  /** The host's endpoint (selects `docker-compose.<endpoint>.yml`). */
  readonly endpoint: string;
  readonly stacks: readonly string[];
  /** Stack → text of the host's `.env`, for stacks where it could be read (`readHostEnv`). */
  readonly hostEnvs?: ReadonlyMap<string, string>;
  /** Stack → project directory on the host, when known (else the `working_dir` label rebases binds). */
  readonly projectDirs?: ReadonlyMap<string, string>;
  readonly useEnvSample?: boolean;
  /** Largest compose file parsed, in bytes (config `limits.composeFileSize`). */
  readonly maxComposeBytes?: number | undefined;
}

/** Loads the host's stacks one by one; an unparseable stack is a value in the list, never a throw. */
export async function loadHostStacks(opts: LoadHostStacksOptions): Promise<LoadedStack[]> {
  const out: LoadedStack[] = [];
  for (const stack of opts.stacks) {
    const hostEnv = opts.hostEnvs?.get(stack);
    const projectDir = opts.projectDirs?.get(stack);
    out.push(
      await loadStack({
        stackDir: posix.join(opts.repoDir, opts.stacksDir ?? 'stacks', stack),
        endpoint: opts.endpoint,
        ...(hostEnv === undefined ? {} : { hostEnv }),
        ...(projectDir === undefined ? {} : { projectDir }),
        ...(opts.useEnvSample === undefined ? {} : { useEnvSample: opts.useEnvSample }),
        maxComposeBytes: opts.maxComposeBytes,
      }),
    );
  }
  return out;
}
