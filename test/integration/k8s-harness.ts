import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOk } from '../../lab/proc.js';
import { git } from '../../lab/apps-repo.js';
import { appConfigSchema, type AppConfig, type AppConfigInput } from '../../src/config/schema.js';
import { startKubeEmulator, type KubeEmulator } from '../../lab/emulators/kubernetes/kube-emulator.js';

/** An emulated cluster plus a git remote holding one of the seed-shaped fixture repos. */
export interface K8sLab {
  readonly work: string;
  /** Bare remote (`file://` URL in the config) and a working clone that pushes to it. */
  readonly remote: string;
  readonly clone: string;
  /** Head of `main` after the fixture commit. */
  readonly head: string;
  readonly emu: KubeEmulator;
  readonly kubeconfigPath: string;
  /** A validated config: the fixture as `apps` (plain git forge) and `clusters`. */
  config(clusters: NonNullable<AppConfigInput['clusters']>): AppConfig;
  close(): Promise<void>;
}

/** Copies `test/fixtures/kubernetes/<fixture>` into a fresh repo, pushes it, starts the emulator. */
export async function startK8sLab(
  fixture: string,
  objects: (head: string) => Record<string, unknown>[],
): Promise<K8sLab> {
  const work = await mkdtemp(join(tmpdir(), 'hlb-k8s-'));
  const remote = join(work, 'remote.git');
  const clone = join(work, 'clone');
  await runOk('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  await mkdir(clone, { recursive: true });
  await cp(join(import.meta.dirname, '..', 'fixtures', 'kubernetes', fixture), clone, { recursive: true });
  await git(clone, ['init', '-q', '-b', 'main']);
  await git(clone, ['remote', 'add', 'origin', remote]);
  await git(clone, ['add', '-A']);
  await git(clone, ['commit', '-q', '-m', 'feat: homelab cluster']);
  await git(clone, ['push', '-q', '-u', 'origin', 'main']);
  const head = (await git(clone, ['rev-parse', 'HEAD'])).trim();
  const emu = await startKubeEmulator(objects(head));
  const kubeconfigPath = join(work, 'kubeconfig');
  await writeFile(kubeconfigPath, emu.kubeconfig());
  return {
    work,
    remote,
    clone,
    head,
    emu,
    kubeconfigPath,
    config: (clusters) =>
      appConfigSchema.parse({ apps: { url: `file://${remote}`, branch: 'main', forge: { type: 'git' } }, clusters }),
    close: async () => {
      await emu.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
