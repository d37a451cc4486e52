import type { FluxCluster } from '../../config/schema.js';
import type { KubeApi } from '../../k8s/kube-api.js';
import { conditionOf, pick, pickText, type KubeObject } from '../../k8s/kube-object.js';
import { classify } from '../classify.js';
import type { DriftItem } from '../drift-item.js';

/** The Flux APIs read (check them against the cluster's Flux version). */
export const FLUX_KINDS = {
  gitRepository: ['source.toolkit.fluxcd.io/v1', 'GitRepository'],
  kustomization: ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
  helmRelease: ['helm.toolkit.fluxcd.io/v2', 'HelmRelease'],
} as const;

/** The sha of a Flux revision (`main@sha1:<sha>`, older `main/<sha>`, or a bare sha). */
export const revisionSha = (revision: string): string => revision.split(/sha1:|\//).pop() ?? revision;

const nameOf = (o: KubeObject): string => o.metadata?.name ?? '?';
const nsOf = (o: KubeObject): string => o.metadata?.namespace ?? 'default';

function make(
  host: string,
  o: KubeObject,
  kind: DriftItem['kind'],
  path: string,
  expected: string | null,
  actual: string | null,
): DriftItem {
  return {
    host,
    stack: nsOf(o),
    service: `${(o.kind ?? 'object').toLowerCase()}/${nameOf(o)}`,
    kind,
    path,
    severity: classify(path, kind),
    expected,
    actual,
  };
}

/** Suspended, else not Ready: the one state item of a Flux object, if any. */
function stateItem(host: string, o: KubeObject): DriftItem | undefined {
  if (pick(o, 'spec', 'suspend') === true) return make(host, o, 'suspended', 'spec.suspend', 'false', 'true');
  const ready = conditionOf(o, 'Ready');
  if (ready?.status === 'True') return undefined;
  const why =
    ready === undefined
      ? 'no Ready condition yet'
      : `${ready.status}${ready.reason === undefined ? '' : ` (${ready.reason})`}${ready.message === undefined ? '' : `: ${ready.message}`}`;
  return make(host, o, 'not-ready', 'status.conditions[Ready]', 'True', why);
}

/** A Kustomization that applied another revision than its source's artifact. */
function behindSource(host: string, ks: KubeObject, sources: readonly KubeObject[]): DriftItem | undefined {
  const ref = pick(ks, 'spec', 'sourceRef');
  const srcName = pickText(ref, 'name');
  const srcNs = pickText(ref, 'namespace') ?? nsOf(ks);
  const source = sources.find((s) => nameOf(s) === srcName && nsOf(s) === srcNs);
  const want = pickText(source, 'status', 'artifact', 'revision');
  const applied = pickText(ks, 'status', 'lastAppliedRevision');
  if (want === undefined || applied === undefined || revisionSha(want) === revisionSha(applied)) return undefined;
  return make(host, ks, 'behind-git', 'status.lastAppliedRevision', want, applied);
}

/** One item per object the latest `DriftDetected` event of a HelmRelease names. */
function driftItems(host: string, hr: KubeObject, events: readonly KubeObject[]): DriftItem[] {
  const mine = events
    .filter(
      (e) =>
        pickText(e, 'involvedObject', 'name') === nameOf(hr) &&
        (pickText(e, 'involvedObject', 'namespace') ?? nsOf(hr)) === nsOf(hr),
    )
    .sort((a, b) => (pickText(a, 'lastTimestamp') ?? '').localeCompare(pickText(b, 'lastTimestamp') ?? ''));
  const latest = mine.at(-1);
  if (latest === undefined) return [];
  const [headline = '', ...lines] = (pickText(latest, 'message') ?? '').split('\n');
  const mode = pickText(hr, 'spec', 'driftDetection', 'mode') ?? 'disabled';
  const changes = lines.map((l) => /^(\S+)\s+(.*)$/.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null);
  if (changes.length === 0)
    return [make(host, hr, 'drift-detected', 'drift', 'as released', `${headline} (mode ${mode})`)];
  return changes.map((m) =>
    make(
      host,
      hr,
      'drift-detected',
      `drift[${m[1] ?? ''}]`,
      'as released',
      `${m[2] ?? ''} (DriftDetected, mode ${mode})`,
    ),
  );
}

/**
 * Flux state of one cluster against git's head (issue #19): the configured GitRepository at
 * another revision than `head`, Kustomizations and HelmReleases suspended or not Ready (with
 * Flux's reason), Kustomizations that applied another revision than their source, and
 * helm-controller's `DriftDetected` events. Each object gives at most one state item.
 */
export async function auditFlux(
  api: KubeApi,
  cluster: FluxCluster,
  head: string,
): Promise<{ items: DriftItem[]; audited: number }> {
  const [sources, kss, hrs, events] = await Promise.all([
    api.list(...FLUX_KINDS.gitRepository),
    api.list(...FLUX_KINDS.kustomization),
    api.list(...FLUX_KINDS.helmRelease),
    api.list('v1', 'Event', { fieldSelector: 'involvedObject.kind=HelmRelease,reason=DriftDetected' }),
  ]);
  const host = cluster.name;
  const items: DriftItem[] = [];
  const [repoNs, repoName] = cluster.layout.gitRepository.split('/');
  for (const src of sources) {
    const state = stateItem(host, src);
    if (state !== undefined) {
      items.push(state);
      continue;
    }
    const revision = pickText(src, 'status', 'artifact', 'revision');
    if (nsOf(src) === repoNs && nameOf(src) === repoName && revision !== undefined && revisionSha(revision) !== head) {
      items.push(
        make(
          host,
          src,
          'behind-git',
          'status.artifact.revision',
          `${revision.split('@')[0] ?? ''}@sha1:${head}`,
          revision,
        ),
      );
    }
  }
  for (const ks of kss) {
    const state = stateItem(host, ks) ?? behindSource(host, ks, sources);
    if (state !== undefined) items.push(state);
  }
  for (const hr of hrs) {
    const state = stateItem(host, hr);
    items.push(...(state === undefined ? driftItems(host, hr, events) : [state]));
  }
  return { items, audited: sources.length + kss.length + hrs.length };
}
