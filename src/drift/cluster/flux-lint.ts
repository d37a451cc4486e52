import { readdir } from 'node:fs/promises';
import { posix } from 'node:path';
import type { FluxCluster } from '../../config/schema.js';
import type { LintFinding } from '../lint-rules.js';
import { loadServiceFolder, type ServiceFolder } from './flux-manifests.js';
import {
  ingressTls,
  kebabNames,
  labels,
  missingFiles,
  networkPolicy,
  plainSecrets,
  probesAndResources,
  pvcs,
  serviceMonitor,
  type FluxFound,
} from './flux-lint-rules.js';

const silence = (rule: string): string =>
  `silence with a \`# homelab-bot-lint: ignore=${rule}\` comment in the file (or in kustomization.yaml for the whole service)`;

function lintFolder(f: ServiceFolder, layout: FluxCluster['layout']): LintFinding[] {
  const found: FluxFound[] = [
    ...f.errors.map((e) => ({
      rule: 'valid-yaml' as const,
      file: e.file,
      line: e.line,
      message: `not valid YAML: ${e.message}`,
      fix: 'fix the YAML syntax',
    })),
    ...missingFiles(f, layout.requiredFiles),
    ...kebabNames(f),
    ...labels(f),
    ...plainSecrets(f),
    ...networkPolicy(f),
    ...serviceMonitor(f),
    ...ingressTls(f),
    ...probesAndResources(f),
    ...pvcs(f),
  ];
  const ignoredFor = (file: string): ReadonlySet<string> =>
    new Set([...(f.ignored.get('*') ?? []), ...(f.ignored.get(file) ?? [])]);
  return found
    .filter((x) => !ignoredFor(x.file).has(x.rule))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map((x) => ({
      stack: f.folder,
      service: f.service,
      rule: x.rule,
      message: x.message,
      fix: x.fix,
      file: x.file,
      line: x.line,
      silence: silence(x.rule),
    }));
}

/**
 * `/drift lint` for a Flux repo (issue #19): every service folder under the layout's
 * `serviceDirs` against the seed conventions, each finding with file:line, the reason, the fix
 * and how to silence it. Pure apart from reading files.
 */
export async function lintFluxRepo(repoDir: string, layout: FluxCluster['layout']): Promise<LintFinding[]> {
  const folders: string[] = [];
  for (const top of layout.serviceDirs) {
    const entries = await readdir(posix.join(repoDir, top), { withFileTypes: true }).catch(() => []);
    folders.push(...entries.filter((e) => e.isDirectory()).map((e) => `${top}/${e.name}`));
  }
  const all = await Promise.all(
    folders.sort().map(async (folder) => lintFolder(await loadServiceFolder(repoDir, folder), layout)),
  );
  return all.flat();
}
