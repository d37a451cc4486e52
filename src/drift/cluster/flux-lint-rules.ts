import type { Manifest, ServiceFolder } from './flux-manifests.js';

/** Flux convention rule ids (stable: they leave the process in JSON and in ignore comments). */
export const FLUX_RULES = [
  'valid-yaml',
  'required-files',
  'readme',
  'kebab-case',
  'labels',
  'external-secret',
  'network-policy',
  'service-monitor',
  'ingress-tls',
  'probes',
  'resources',
  'pinned-image',
  'pvc',
] as const;
export type FluxRule = (typeof FLUX_RULES)[number];

/** One violation before the service is attached. */
export interface FluxFound {
  readonly rule: FluxRule;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly fix: string;
}

type Obj = Readonly<Record<string, unknown>>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Where a rule about the whole folder points: the kustomization's `resources:` list, else line 1 of it. */
function folderSpot(f: ServiceFolder): { file: string; line: number } {
  const k = f.manifests.find((m) => m.file === `${f.folder}/kustomization.yaml`);
  return k === undefined ? { file: `${f.folder}/`, line: 1 } : { file: k.file, line: k.lineOf(['resources']) };
}

/** Containers of a workload with their path in the object. */
export function containersOf(m: Manifest): { c: Obj; path: (string | number)[] }[] {
  if (!WORKLOADS.has(m.kind)) return [];
  return list(rec(rec(rec(rec(m.obj['spec'])['template'])['spec'])).containers).map((c, i) => ({
    c: rec(c),
    path: ['spec', 'template', 'spec', 'containers', i],
  }));
}

export function missingFiles(f: ServiceFolder, required: readonly string[]): FluxFound[] {
  const at = folderSpot(f);
  const out: FluxFound[] = required
    .filter((r) => !f.files.includes(r))
    .map((r) => ({
      rule: 'required-files',
      ...at,
      message: `\`${r}\` is missing`,
      fix: `add \`${f.folder}/${r}\` (and list it under resources: in kustomization.yaml)`,
    }));
  if (!f.files.includes('README.md'))
    out.push({
      rule: 'readme',
      ...at,
      message: 'no README.md for this service',
      fix: `add \`${f.folder}/README.md\`: what it is, how it is reached, where its data lives`,
    });
  return out;
}

export function kebabNames(f: ServiceFolder): FluxFound[] {
  const out: FluxFound[] = [];
  if (!KEBAB.test(f.service))
    out.push({
      rule: 'kebab-case',
      ...folderSpot(f),
      message: `folder \`${f.service}\` is not kebab-case`,
      fix: 'rename the folder to lower-case words joined by "-"',
    });
  for (const m of f.manifests) {
    if (m.name !== '' && !KEBAB.test(m.name))
      out.push({
        rule: 'kebab-case',
        file: m.file,
        line: m.lineOf(['metadata', 'name']),
        message: `${m.kind} name \`${m.name}\` is not kebab-case`,
        fix: `rename it to \`${m.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}\``,
      });
  }
  return out;
}

/** Labels set for every object by the folder's kustomization (`labels[].pairs` or `commonLabels`). */
function kustomizeLabels(f: ServiceFolder): Obj {
  const k = f.manifests.find((m) => m.file === `${f.folder}/kustomization.yaml`);
  if (k === undefined) return {};
  const pairs: Obj[] = list(k.obj['labels']).map((l) => rec(rec(l)['pairs']));
  return pairs.reduce<Obj>((all, p) => ({ ...all, ...p }), rec(k.obj['commonLabels']));
}

export function labels(f: ServiceFolder): FluxFound[] {
  const common = kustomizeLabels(f);
  return f.manifests
    .filter((m) => m.kind !== 'Kustomization' || m.obj['apiVersion'] !== 'kustomize.config.k8s.io/v1beta1')
    .flatMap((m): FluxFound[] => {
      const all = { ...common, ...rec(rec(m.obj['metadata'])['labels']) };
      const missing = [
        all['app'] === f.service ? null : `app: ${f.service}`,
        all['managed-by'] === 'flux' ? null : 'managed-by: flux',
      ].filter((x): x is string => x !== null);
      if (missing.length === 0) return [];
      return [
        {
          rule: 'labels',
          file: m.file,
          line: m.lineOf(['metadata', 'labels']),
          message: `${m.kind} \`${m.name}\` lacks label(s) ${missing.map((l) => `\`${l}\``).join(', ')}`,
          fix: `add ${missing.join(' and ')} under metadata.labels (or once in kustomization.yaml labels:)`,
        },
      ];
    });
}

export function plainSecrets(f: ServiceFolder): FluxFound[] {
  return f.manifests
    .filter((m) => m.kind === 'Secret')
    .map((m) => ({
      rule: 'external-secret' as const,
      file: m.file,
      line: m.lineOf(['kind']),
      message: `Secret \`${m.name}\` is committed to git`,
      fix: 'replace it with an ExternalSecret that pulls the values from the secret store, and rotate the committed values',
    }));
}

export function networkPolicy(f: ServiceFolder): FluxFound[] {
  if (f.manifests.some((m) => m.kind === 'NetworkPolicy')) return [];
  return [
    {
      rule: 'network-policy',
      ...folderSpot(f),
      message: 'no NetworkPolicy for this service',
      fix: `add \`${f.folder}/networkpolicy.yaml\` allowing only the traffic the service needs`,
    },
  ];
}

export function serviceMonitor(f: ServiceFolder): FluxFound[] {
  if (f.manifests.some((m) => m.kind === 'ServiceMonitor' || m.kind === 'PodMonitor')) return [];
  for (const m of f.manifests) {
    for (const { c, path } of containersOf(m)) {
      const i = list(c['ports']).findIndex((p) => rec(p)['name'] === 'metrics');
      if (i >= 0)
        return [
          {
            rule: 'service-monitor',
            file: m.file,
            line: m.lineOf([...path, 'ports', i]),
            message: `container \`${String(c['name'])}\` exposes a \`metrics\` port but there is no ServiceMonitor`,
            fix: `add \`${f.folder}/servicemonitor.yaml\` scraping the metrics port`,
          },
        ];
    }
  }
  return [];
}

export function ingressTls(f: ServiceFolder): FluxFound[] {
  return f.manifests
    .filter((m) => m.kind === 'Ingress' || m.kind === 'IngressRoute')
    .flatMap((m): FluxFound[] => {
      const tls = rec(m.obj['spec'])['tls'];
      const has = m.kind === 'Ingress' ? list(tls).length > 0 : tls !== undefined && tls !== null;
      return has
        ? []
        : [
            {
              rule: 'ingress-tls',
              file: m.file,
              line: m.lineOf(['spec']),
              message: `${m.kind} \`${m.name}\` exposes the service without TLS`,
              fix:
                m.kind === 'Ingress'
                  ? 'add spec.tls with the host and a cert-manager secretName'
                  : 'add spec.tls (secretName or certResolver)',
            },
          ];
    });
}

export function probesAndResources(f: ServiceFolder): FluxFound[] {
  return f.manifests.flatMap((m) =>
    containersOf(m).flatMap(({ c, path }): FluxFound[] => {
      const name = String(c['name']);
      const line = m.lineOf([...path, 'name']);
      const probes = ['livenessProbe', 'readinessProbe'].filter((p) => c[p] === undefined);
      const res = rec(c['resources']);
      const resources = ['requests', 'limits'].filter((r) => res[r] === undefined);
      const out: FluxFound[] = [];
      if (probes.length > 0)
        out.push({
          rule: 'probes',
          file: m.file,
          line,
          message: `container \`${name}\` has no ${probes.join(' and ')}`,
          fix: `add ${probes.join(' and ')} (httpGet, tcpSocket or exec)`,
        });
      if (resources.length > 0)
        out.push({
          rule: 'resources',
          file: m.file,
          line: m.lineOf([...path, 'resources']),
          message: `container \`${name}\` sets no resource ${resources.join(' and ')}`,
          fix: `add resources.${resources.join(' and resources.')} (cpu/memory)`,
        });
      const image = typeof c['image'] === 'string' ? c['image'] : '';
      const ref = image.split('@')[0] ?? image;
      const tag = ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.slice(ref.lastIndexOf(':') + 1) : '';
      if (image !== '' && !image.includes('@') && (tag === '' || tag === 'latest')) {
        out.push({
          rule: 'pinned-image',
          file: m.file,
          line: m.lineOf([...path, 'image']),
          message: `image \`${image}\` ${tag === '' ? 'has no tag' : 'uses the `latest` tag'}`,
          fix: `pin a version, e.g. \`${ref.replace(/:latest$/, '')}:<version>\``,
        });
      }
      return out;
    }),
  );
}

export function pvcs(f: ServiceFolder): FluxFound[] {
  const claims = new Set(f.manifests.filter((m) => m.kind === 'PersistentVolumeClaim').map((m) => m.name));
  return f.manifests.flatMap((m) => {
    const volumes = list(rec(rec(rec(rec(m.obj['spec'])['template'])['spec'])).volumes);
    return volumes.flatMap((v, i): FluxFound[] => {
      const claim = rec(rec(v)['persistentVolumeClaim'])['claimName'];
      if (typeof claim !== 'string' || claims.has(claim)) return [];
      return [
        {
          rule: 'pvc',
          file: m.file,
          line: m.lineOf(['spec', 'template', 'spec', 'volumes', i, 'persistentVolumeClaim', 'claimName']),
          message: `volume claims \`${claim}\` but no PersistentVolumeClaim \`${claim}\` is defined`,
          fix: `add \`${f.folder}/pvc.yaml\` defining PersistentVolumeClaim ${claim} (storageClassName, size)`,
        },
      ];
    });
  });
}
