import type { DriftItem } from '../drift-item.js';
import type { ServiceSides } from '../audit-report.js';
import { classify } from '../classify.js';
import { isSecret, MASK, maskPair } from '../mask.js';
import type { HelmRelease } from '../../k8s/helm-release.js';
import { flattenValues, pathKeys } from './flatten-values.js';
import type { HelmComponent } from './helm-components.js';

/** Items and per-release sides of one helm-values cluster. */
export interface HelmValuesAudit {
  readonly items: DriftItem[];
  readonly sides: ServiceSides[];
  readonly audited: number;
}

const item = (
  host: string,
  stack: string,
  service: string,
  kind: DriftItem['kind'],
  path: string,
  expected: string | null,
  actual: string | null,
): DriftItem => ({ host, stack, service, kind, path, severity: classify(path, kind), expected, actual });

/** Whether a values path holds a secret: its last key looks like one, or a value contains a known secret. */
const secretPath = (path: string, values: readonly (string | null)[], known: readonly string[]): boolean =>
  isSecret(pathKeys(path).at(-1) ?? path, values, known);

/** Masks every secret-looking entry of a flattened side. */
function maskSide(side: Map<string, string>, known: readonly string[]): Record<string, string> {
  return Object.fromEntries([...side].map(([k, v]) => [k, secretPath(k, [v], known) ? MASK : v]));
}

function compareValues(host: string, c: HelmComponent, r: HelmRelease, known: readonly string[]): DriftItem[] {
  const git = flattenValues(c.values ?? {});
  const live = flattenValues(r.config);
  const items: DriftItem[] = [];
  for (const path of [...new Set([...git.keys(), ...live.keys()])].sort()) {
    const expected = git.get(path) ?? null;
    const actual = live.get(path) ?? null;
    if (expected === actual) continue;
    // A map in one side and a leaf in the other: the leaf's parent/child paths carry the change.
    const kind = expected === null ? 'added' : actual === null ? 'removed' : 'changed';
    const shown = secretPath(path, [expected, actual], known) ? maskPair(expected, actual) : { expected, actual };
    items.push(item(host, c.folder, r.name, kind, path, shown.expected, shown.actual));
  }
  return items;
}

function compareRelease(host: string, c: HelmComponent, r: HelmRelease, known: readonly string[]): DriftItem[] {
  const items: DriftItem[] = [];
  if (c.chart !== undefined && c.chart !== r.chart.name)
    items.push(item(host, c.folder, r.name, 'changed', 'chart.name', c.chart, r.chart.name));
  if (c.version !== undefined && c.version.replace(/^v/, '') !== r.chart.version.replace(/^v/, '')) {
    items.push(item(host, c.folder, r.name, 'changed', 'chart.version', c.version, r.chart.version));
  }
  return [...items, ...compareValues(host, c, r, known)];
}

/**
 * Compares a cluster's deployed Helm releases with the repo's component folders (issue #19):
 * changed / added / removed values (secrets masked), chart name or pinned version drift, releases
 * git does not know and folders with no release. A folder whose values are not YAML is `unparseable`.
 */
export function auditHelmValues(
  host: string,
  components: readonly HelmComponent[],
  releases: readonly HelmRelease[],
  knownSecrets: readonly string[],
): HelmValuesAudit {
  const items: DriftItem[] = [];
  const sides: ServiceSides[] = [];
  const key = (ns: string, name: string): string => `${ns}/${name}`;
  const byKey = new Map(releases.map((r) => [key(r.namespace, r.name), r]));
  const known = new Set<string>();
  let audited = 0;
  for (const c of components) {
    const r = byKey.get(key(c.namespace, c.release));
    known.add(key(c.namespace, c.release));
    const pinned = c.chart === undefined ? null : `${c.chart}${c.version === undefined ? '' : `@${c.version}`}`;
    if (c.values === undefined) {
      items.push(item(host, c.folder, c.release, 'unparseable', c.valuesFile, null, c.error ?? 'invalid YAML'));
      continue;
    }
    if (r === undefined) {
      items.push(
        item(
          host,
          c.folder,
          c.release,
          'missing-release',
          `release ${c.namespace}/${c.release}`,
          pinned ?? 'release',
          null,
        ),
      );
      continue;
    }
    audited++;
    const found = compareRelease(host, c, r, knownSecrets);
    items.push(...found);
    if (found.length > 0) {
      sides.push({
        host,
        stack: c.folder,
        service: r.name,
        expected: maskSide(flattenValues(c.values), knownSecrets),
        actual: maskSide(flattenValues(r.config), knownSecrets),
      });
    }
  }
  for (const r of releases) {
    if (known.has(key(r.namespace, r.name))) continue;
    items.push(
      item(
        host,
        r.namespace,
        r.name,
        'unmanaged-release',
        `release ${r.namespace}/${r.name}`,
        null,
        `${r.chart.name}@${r.chart.version}`,
      ),
    );
  }
  return { items, sides, audited };
}
