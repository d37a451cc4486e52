import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeReleaseData, deployedReleases, toHelmRelease } from './helm-release.js';

/** Helm's storage encoding (gzip, base64) under the API's own base64 of Secret data. */
const encode = (release: unknown, zip = true): string => {
  const json = Buffer.from(JSON.stringify(release));
  const helm = (zip ? gzipSync(json) : json).toString('base64');
  return Buffer.from(helm).toString('base64');
};

const secret = (name: string, version: number, status: string, config: unknown, type = 'helm.sh/release.v1') => ({
  apiVersion: 'v1',
  kind: 'Secret',
  type,
  metadata: { name: `sh.helm.release.v1.${name}.v${String(version)}`, namespace: 'apps' },
  data: {
    release: encode({
      name,
      namespace: 'apps',
      version,
      info: { status },
      chart: { metadata: { name: 'podinfo', version: '6.7.1', appVersion: '6.7.1' } },
      config,
    }),
  },
});

describe('Helm release Secrets', () => {
  it('decodes base64 twice and gunzips, and also reads an unzipped release', () => {
    expect(decodeReleaseData(encode({ a: 1 }))).toEqual({ a: 1 });
    expect(decodeReleaseData(encode({ a: 2 }, false))).toEqual({ a: 2 });
  });

  it('reads name, revision, status, chart and user-supplied values', () => {
    expect(toHelmRelease(secret('podinfo', 3, 'deployed', { replicaCount: 2 }))).toEqual({
      name: 'podinfo',
      namespace: 'apps',
      version: 3,
      status: 'deployed',
      chart: { name: 'podinfo', version: '6.7.1', appVersion: '6.7.1' },
      config: { replicaCount: 2 },
    });
  });

  it('ignores other Secret types and undecodable data', () => {
    expect(toHelmRelease(secret('podinfo', 1, 'deployed', {}, 'Opaque'))).toBeUndefined();
    expect(
      toHelmRelease({ type: 'helm.sh/release.v1', metadata: { name: 'x' }, data: { release: 'bm90LWd6aXA=' } }),
    ).toBeUndefined();
  });

  it('keeps the highest deployed revision per release, never a superseded or failed one', () => {
    const found = deployedReleases([
      secret('podinfo', 1, 'superseded', { v: 1 }),
      secret('podinfo', 3, 'failed', { v: 3 }),
      secret('podinfo', 2, 'deployed', { v: 2 }),
    ]);
    expect(found.map((r) => [r.version, r.config])).toEqual([[2, { v: 2 }]]);
  });
});
