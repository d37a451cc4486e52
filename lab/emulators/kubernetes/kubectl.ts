import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The real `kubectl` against an emulator: its own kubeconfig and discovery cache in a temp dir. */
export interface Kubectl {
  readonly kubeconfigPath: string;
  /** Runs kubectl with the args; resolves stdout, rejects with stderr on a non-zero exit. */
  run(args: readonly string[]): Promise<string>;
  /** `kubectl get … -o json`, parsed. */
  getJson(args: readonly string[]): Promise<{ items?: Record<string, unknown>[] } & Record<string, unknown>>;
  dispose(): Promise<void>;
}

/** Writes the emulator's kubeconfig into a temp dir and returns a kubectl bound to it. */
export async function kubectlFor(kubeconfig: string): Promise<Kubectl> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-kubectl-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  await writeFile(kubeconfigPath, kubeconfig);
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfigPath };
  const runIt = async (args: readonly string[]): Promise<string> =>
    (
      await run('kubectl', ['--cache-dir', join(dir, 'cache'), '--request-timeout', '10s', ...args], {
        env,
        maxBuffer: 16 * 1024 * 1024,
      })
    ).stdout;
  return {
    kubeconfigPath,
    run: runIt,
    getJson: async (args) =>
      JSON.parse(await runIt(['get', ...args, '-o', 'json'])) as { items?: Record<string, unknown>[] } & Record<
        string,
        unknown
      >,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
