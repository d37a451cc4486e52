import { readFile, writeFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import type { ClusterConfig, HelmValuesCluster } from '../../config/schema.js';
import type { DriftItem } from '../drift-item.js';
import { MASK } from '../mask.js';
import type { BackportChange, BackportResult } from '../remediate/backport-service.js';
import { whyOf } from '../remediate/backport-service.js';
import { keepFormat } from '../remediate/keep-format.js';
import { pathKeys } from './flatten-values.js';
import { discoverHelmComponents, type HelmComponent } from './helm-components.js';

/** What one cluster backport is given: a clone of the apps repo and the drifted release's items. */
export interface ClusterBackportInput {
  readonly repoDir: string;
  readonly host: string;
  readonly stack: string;
  readonly service: string;
  readonly items: readonly DriftItem[];
}

type Outcome = { readonly change: BackportChange } | { readonly skipped: string };

const print = (doc: Document): string => doc.toString({ lineWidth: 0, flowCollectionPadding: false });

function editValue(doc: Document, file: string, item: DriftItem): Outcome {
  if ([item.expected, item.actual].some((v) => v?.startsWith(MASK) === true)) {
    return {
      skipped:
        'a secret value is never written to git: keep it in a Secret (existingSecret) or pass it with --set from your secret store',
    };
  }
  const keys = pathKeys(item.path);
  if (item.kind === 'removed') doc.deleteIn(keys);
  else doc.setIn(keys, JSON.parse(item.actual ?? 'null') as unknown);
  return {
    change: { path: item.path, file, from: item.expected, to: item.actual, severity: item.severity, why: whyOf(item) },
  };
}

async function editVersion(repoDir: string, component: HelmComponent, item: DriftItem): Promise<Outcome> {
  const at = component.pinnedAt;
  if (at === undefined || item.actual === null) return { skipped: 'the chart version is not pinned in git' };
  const [file = '', lineText] = at.split(/:(?=\d+$)/);
  const path = posix.join(repoDir, file);
  const lines = (await readFile(path, 'utf8')).split('\n');
  const index = Number(lineText) - 1;
  // A continued command pins the version a few lines below its first line.
  for (let i = index; i < Math.min(lines.length, index + 20); i++) {
    const edited = (lines[i] ?? '').replace(
      /(--version[= ]+)(\S+)/,
      (_m, flag: string) => `${flag}${item.actual ?? ''}`,
    );
    if (edited === lines[i]) continue;
    lines[i] = edited;
    await writeFile(path, lines.join('\n'));
    return {
      change: {
        path: item.path,
        file,
        from: item.expected,
        to: item.actual,
        severity: item.severity,
        why: whyOf(item),
      },
    };
  }
  return { skipped: `no --version flag found at ${at}` };
}

async function backportHelm(input: ClusterBackportInput, cluster: HelmValuesCluster): Promise<BackportResult> {
  const component = (await discoverHelmComponents(input.repoDir, cluster.layout)).find(
    (c) => c.folder === input.stack && c.release === input.service,
  );
  if (component === undefined)
    return {
      changes: [],
      skipped: input.items.map((item) => ({
        item,
        reason: `no component folder ${input.stack} with release ${input.service} in git (install it from a folder, or delete it)`,
      })),
      files: [],
      envSampleVars: [],
    };
  const original = await readFile(posix.join(input.repoDir, component.valuesFile), 'utf8');
  const doc = parseDocument(original);
  const normalized = print(doc);
  const changes: BackportChange[] = [];
  const skipped: { item: DriftItem; reason: string }[] = [];
  const files = new Set<string>();
  for (const item of input.items) {
    const outcome =
      item.path.startsWith('values') && ['changed', 'added', 'removed'].includes(item.kind)
        ? editValue(doc, component.valuesFile, item)
        : item.path === 'chart.version'
          ? await editVersion(input.repoDir, component, item)
          : {
              skipped:
                item.kind === 'missing-release'
                  ? 'the release is not installed: run the install command, or delete the folder'
                  : 'cannot be written back to the values file',
            };
    if ('skipped' in outcome) skipped.push({ item, reason: outcome.skipped });
    else {
      changes.push(outcome.change);
      files.add(outcome.change.file);
    }
  }
  const text = keepFormat(original, normalized, print(doc));
  if (text !== original) await writeFile(posix.join(input.repoDir, component.valuesFile), text);
  return { changes, skipped, files: [...files], envSampleVars: [] };
}

/**
 * The remediation of a cluster's drift (issue #19), or undefined when `host` is no cluster (then the
 * compose backport applies). helm-values: the live values are written into the component's values
 * file (comments and formatting kept, secrets never) and the pinned `--version` is updated. Flux:
 * nothing is written back, Flux applies git to the cluster, not the other way round.
 */
export async function backportClusterDrift(
  clusters: readonly ClusterConfig[],
  input: ClusterBackportInput,
): Promise<BackportResult | undefined> {
  const cluster = clusters.find((c) => c.name === input.host);
  if (cluster === undefined) return undefined;
  if (cluster.flavour === 'helm-values') return backportHelm(input, cluster);
  const reason =
    'Flux applies git to the cluster: reconcile, resume or fix the object (or change its manifests by hand)';
  return { changes: [], skipped: input.items.map((item) => ({ item, reason })), files: [], envSampleVars: [] };
}
