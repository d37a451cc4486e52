import { gunzipSync } from 'node:zlib';
import { pick, pickText, type KubeObject } from './kube-object.js';

/** The parts of a Helm 3 release record the audit reads. */
export interface HelmRelease {
  readonly name: string;
  readonly namespace: string;
  /** Release revision. */
  readonly version: number;
  readonly status: string;
  readonly chart: { readonly name: string; readonly version: string; readonly appVersion?: string };
  /** User-supplied values (what `-f values.yaml` and `--set` gave). */
  readonly config: Readonly<Record<string, unknown>>;
}

/** Helm's release Secrets: `sh.helm.release.v1.<release>.v<revision>`, type `helm.sh/release.v1`. */
export const HELM_SECRET_SELECTOR = 'owner=helm';
export const HELM_SECRET_TYPE = 'helm.sh/release.v1';

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

/**
 * Decodes `data.release` of a release Secret: Kubernetes' base64 of Helm's base64 of the gzipped
 * release JSON (Helm's `storage/driver/util.go`: decodeRelease also accepts an unzipped JSON).
 */
export function decodeReleaseData(secretData: string): unknown {
  const helmEncoded = Buffer.from(secretData, 'base64').toString('utf8');
  const bytes = Buffer.from(helmEncoded, 'base64');
  const zipped = GZIP_MAGIC.every((b, i) => bytes[i] === b);
  return JSON.parse((zipped ? gunzipSync(bytes) : bytes).toString('utf8')) as unknown;
}

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The release of a Helm release Secret, or undefined when it is not one or cannot be decoded. */
export function toHelmRelease(secret: KubeObject): HelmRelease | undefined {
  if (secret['type'] !== HELM_SECRET_TYPE) return undefined;
  const data = pickText(secret, 'data', 'release');
  if (data === undefined) return undefined;
  let json: unknown;
  try {
    json = decodeReleaseData(data);
  } catch {
    return undefined;
  }
  const name = pickText(json, 'name');
  const chartName = pickText(json, 'chart', 'metadata', 'name');
  if (name === undefined || chartName === undefined) return undefined;
  const appVersion = pickText(json, 'chart', 'metadata', 'appVersion');
  return {
    name,
    namespace: pickText(json, 'namespace') ?? secret.metadata?.namespace ?? 'default',
    version: Number(pick(json, 'version') ?? 0),
    status: pickText(json, 'info', 'status') ?? 'unknown',
    chart: {
      name: chartName,
      version: pickText(json, 'chart', 'metadata', 'version') ?? '',
      ...(appVersion === undefined ? {} : { appVersion }),
    },
    config: record(pick(json, 'config')),
  };
}

/** The deployed release per `namespace/name`: the highest revision whose status is `deployed`. */
export function deployedReleases(secrets: readonly KubeObject[]): HelmRelease[] {
  const latest = new Map<string, HelmRelease>();
  for (const release of secrets.map(toHelmRelease)) {
    if (release?.status !== 'deployed') continue;
    const key = `${release.namespace}/${release.name}`;
    const seen = latest.get(key);
    if (seen === undefined || seen.version < release.version) latest.set(key, release);
  }
  return [...latest.values()].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
}
