import { gzipSync } from 'node:zlib';

/** A Helm 3 release as the fixtures describe it. */
export interface FixtureRelease {
  readonly name: string;
  readonly namespace: string;
  readonly revision: number;
  readonly status: 'deployed' | 'superseded' | 'failed' | 'pending-upgrade';
  readonly chart: { readonly name: string; readonly version: string; readonly appVersion: string };
  /** User-supplied values (`config`). */
  readonly values: Record<string, unknown>;
}

/**
 * The release Secret exactly as Helm's Secrets driver stores it (helm `pkg/storage/driver/secrets.go`
 * and `util.go`): the release JSON gzipped, base64-encoded by Helm, stored as `data.release`
 * bytes, which the API then base64-encodes again in JSON. Labels `name`, `owner=helm`, `status`, `version`.
 */
export function helmReleaseSecret(r: FixtureRelease): Record<string, unknown> {
  const release = {
    name: r.name,
    namespace: r.namespace,
    version: r.revision,
    info: {
      first_deployed: '2026-11-01T10:00:00Z',
      last_deployed: '2026-11-20T10:00:00Z',
      deleted: '',
      description: 'Upgrade complete',
      status: r.status,
    },
    chart: {
      metadata: { name: r.chart.name, version: r.chart.version, appVersion: r.chart.appVersion, apiVersion: 'v2' },
      templates: [],
      values: {},
    },
    config: r.values,
    manifest: `---\n# Source: ${r.chart.name}/templates/deployment.yaml\n`,
  };
  const helmEncoded = gzipSync(Buffer.from(JSON.stringify(release)), { level: 9 }).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: `sh.helm.release.v1.${r.name}.v${String(r.revision)}`,
      namespace: r.namespace,
      labels: { name: r.name, owner: 'helm', status: r.status, version: String(r.revision) },
      creationTimestamp: '2026-11-20T10:00:00Z',
    },
    data: { release: Buffer.from(helmEncoded).toString('base64') },
  };
}
