import type { ClusterConfig } from '../config/schema.js';
import type { KubeApi } from '../k8s/kube-api.js';
import { conditionOf, objectRef, pick, pickList, pickText, type KubeObject } from '../k8s/kube-object.js';
import { defineCheck, failed, passed, warned, type Check, type CheckResult, type Finding } from './check.js';

/** Restarts above which a waiting container counts as crash-looping even without the reason. */
const CRASH_RESTARTS = 5;

const notReady = (o: KubeObject): string => {
  const c = conditionOf(o, 'Ready');
  return c === undefined
    ? 'no Ready condition'
    : `${c.status}${c.reason === undefined ? '' : ` (${c.reason})`}${c.message === undefined ? '' : `: ${c.message}`}`;
};

const verdict = (fails: readonly Finding[], warns: readonly Finding[], note: string): CheckResult =>
  fails.length > 0 ? failed(...fails, ...warns) : warns.length > 0 ? warned(...warns) : passed(note);

function nodes(items: readonly KubeObject[]): CheckResult {
  const bad = items
    .filter((n) => conditionOf(n, 'Ready')?.status !== 'True')
    .map((n) => ({
      summary: `Node ${objectRef(n)} is not Ready.`,
      diagnosis: notReady(n),
      suggestion: `Check the machine is up and its kubelet runs: \`kubectl describe node ${objectRef(n)}\` (K3s: \`systemctl status k3s-agent\`; Talos: \`talosctl -n <node-ip> services\`).`,
    }));
  return verdict(bad, [], `${items.length} node(s) Ready`);
}

function pods(items: readonly KubeObject[]): CheckResult {
  const fails: Finding[] = [];
  const warns: Finding[] = [];
  for (const p of items) {
    const ref = objectRef(p);
    const ns = p.metadata?.namespace ?? 'default';
    const restarts = (c: unknown): number =>
      typeof pick(c, 'restartCount') === 'number' ? (pick(c, 'restartCount') as number) : 0;
    const looping = pickList(p, 'status', 'containerStatuses').find(
      (c) =>
        pickText(c, 'state', 'waiting', 'reason') === 'CrashLoopBackOff' ||
        (restarts(c) >= CRASH_RESTARTS && pickText(c, 'state', 'waiting', 'reason') !== undefined),
    );
    if (looping !== undefined) {
      fails.push({
        summary: `Pod ${ref} is crash-looping (${String(restarts(looping))} restarts).`,
        diagnosis: pickText(looping, 'state', 'waiting', 'message') ?? 'CrashLoopBackOff',
        suggestion: `Read why it exits: \`kubectl logs -n ${ns} ${p.metadata?.name ?? ''} --previous\`, then fix its config or image.`,
      });
    } else if (pickText(p, 'status', 'phase') === 'Pending') {
      const why = conditionOf(p, 'PodScheduled');
      warns.push({
        summary: `Pod ${ref} is Pending.`,
        diagnosis: why?.message ?? 'not scheduled or images not pulled yet',
        suggestion: `\`kubectl describe pod -n ${ns} ${p.metadata?.name ?? ''}\`: free resources, fix node selectors/taints or bind its PVC.`,
      });
    }
  }
  return verdict(fails, warns, `${items.length} pod(s), none crash-looping or pending`);
}

function pvcs(items: readonly KubeObject[]): CheckResult {
  const bad = items
    .filter((c) => pickText(c, 'status', 'phase') !== 'Bound')
    .map((c) => ({
      summary: `PVC ${objectRef(c)} is ${pickText(c, 'status', 'phase') ?? 'not bound'}.`,
      diagnosis: `storage class ${pickText(c, 'spec', 'storageClassName') ?? '(default)'} has not provided a volume`,
      suggestion: `\`kubectl describe pvc -n ${c.metadata?.namespace ?? 'default'} ${c.metadata?.name ?? ''}\`: check the storage class exists and its provisioner runs.`,
    }));
  return verdict(bad, [], `${items.length} PVC(s) bound`);
}

function certificates(items: readonly KubeObject[]): CheckResult {
  const bad = items
    .filter((c) => conditionOf(c, 'Ready')?.status !== 'True')
    .map((c) => ({
      summary: `Certificate ${objectRef(c)} is not Ready.`,
      diagnosis: notReady(c),
      suggestion: `\`kubectl describe certificate -n ${c.metadata?.namespace ?? 'default'} ${c.metadata?.name ?? ''}\` (or \`cmctl status certificate\`): check the issuer, DNS/HTTP challenge and rate limits.`,
    }));
  return verdict(bad, [], items.length === 0 ? 'no cert-manager Certificates' : `${items.length} certificate(s) Ready`);
}

function fluxSources(items: readonly KubeObject[]): CheckResult {
  const bad = items
    .filter((s) => conditionOf(s, 'Ready')?.status !== 'True')
    .map((s) => ({
      summary: `Flux ${s.kind ?? 'source'} ${objectRef(s)} is failing.`,
      diagnosis: notReady(s),
      suggestion: `Check its URL and credentials, then \`flux reconcile source ${s.kind === 'HelmRepository' ? 'helm' : 'git'} ${s.metadata?.name ?? ''} -n ${s.metadata?.namespace ?? 'flux-system'}\`.`,
    }));
  return verdict(bad, [], items.length === 0 ? 'no Flux sources' : `${items.length} Flux source(s) Ready`);
}

/**
 * `/health` for clusters (issue #19): nodes Ready, pods crash-looping or pending, PVCs unbound,
 * cert-manager Certificates not Ready and Flux sources failing, one check each per cluster.
 */
export function clusterChecks(
  clusters: readonly ClusterConfig[],
  connect: (cluster: ClusterConfig) => KubeApi,
): Check[] {
  return clusters.flatMap((cluster) => {
    let api: KubeApi | undefined;
    const kube = (): KubeApi => (api ??= connect(cluster));
    const make = (id: string, title: string, read: (k: KubeApi) => Promise<CheckResult>): Check =>
      defineCheck({
        id: `kubernetes.${id}:${cluster.name}`,
        service: 'kubernetes',
        title: `${cluster.name}: ${title}`,
        run: () => read(kube()),
      });
    return [
      make('nodes', 'nodes Ready', async (k) => nodes(await k.list('v1', 'Node'))),
      make('pods', 'pods running', async (k) => pods(await k.list('v1', 'Pod'))),
      make('pvcs', 'volumes bound', async (k) => pvcs(await k.list('v1', 'PersistentVolumeClaim'))),
      make('certificates', 'certificates Ready', async (k) =>
        certificates(await k.list('cert-manager.io/v1', 'Certificate')),
      ),
      make('flux-sources', 'Flux sources Ready', async (k) =>
        fluxSources([
          ...(await k.list('source.toolkit.fluxcd.io/v1', 'GitRepository')),
          ...(await k.list('source.toolkit.fluxcd.io/v1', 'HelmRepository')),
        ]),
      ),
    ];
  });
}
