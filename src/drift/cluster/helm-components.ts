import { readdir, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { HelmValuesCluster } from '../../config/schema.js';
import { chartName, findHelmInstall } from './helm-install-line.js';

/** One component folder of a K3s + Helm repo: its values and what its install command pins. */
export interface HelmComponent {
  /** Repo-relative folder, e.g. `apps/nextcloud` (the report's "stack"). */
  readonly folder: string;
  /** Repo-relative values file. */
  readonly valuesFile: string;
  /** Parsed values; undefined when the file is not valid YAML (see `error`). */
  readonly values: Readonly<Record<string, unknown>> | undefined;
  readonly error?: string;
  readonly release: string;
  readonly namespace: string;
  /** Bare chart name, when the install command names it. */
  readonly chart?: string;
  /** Pinned chart version and where it is pinned (`apps/x/install.sh:3`). */
  readonly version?: string;
  readonly pinnedAt?: string;
}

const read = (path: string): Promise<string | undefined> => readFile(path, 'utf8').catch(() => undefined);

async function installLine(dir: string, folder: string, files: readonly string[]) {
  for (const file of files) {
    const text = await read(posix.join(dir, file));
    const found = text === undefined ? undefined : findHelmInstall(text);
    if (found !== undefined) return { ...found, at: `${folder}/${file}:${String(found.line)}` };
  }
  return undefined;
}

async function loadComponent(
  repoDir: string,
  folder: string,
  layout: HelmValuesCluster['layout'],
): Promise<HelmComponent> {
  const dir = posix.join(repoDir, folder);
  const valuesFile = `${folder}/${layout.valuesFile}`;
  const doc = parseDocument((await read(posix.join(repoDir, valuesFile))) ?? '');
  const error = doc.errors[0]?.message;
  const parsed: unknown = error === undefined ? doc.toJS() : undefined;
  const values =
    parsed === null || parsed === undefined
      ? error === undefined
        ? {}
        : undefined
      : (parsed as Record<string, unknown>);
  const install = await installLine(dir, folder, layout.installFiles);
  const name = posix.basename(folder);
  return {
    folder,
    valuesFile,
    values,
    ...(error === undefined ? {} : { error }),
    release: install?.release ?? name,
    namespace: install?.namespace ?? name,
    ...(install === undefined ? {} : { chart: chartName(install.chart) }),
    ...(install?.version === undefined ? {} : { version: install.version, pinnedAt: install.at }),
  };
}

/** Every `<componentDir>/<component>/` that holds the values file, sorted by folder. */
export async function discoverHelmComponents(
  repoDir: string,
  layout: HelmValuesCluster['layout'],
): Promise<HelmComponent[]> {
  const folders: string[] = [];
  for (const top of layout.componentDirs) {
    const entries = await readdir(posix.join(repoDir, top), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const files = await readdir(posix.join(repoDir, top, e.name)).catch(() => [] as string[]);
      if (files.includes(layout.valuesFile)) folders.push(`${top}/${e.name}`);
    }
  }
  folders.sort();
  return Promise.all(folders.map((f) => loadComponent(repoDir, f, layout)));
}
