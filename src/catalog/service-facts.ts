import type { ServiceModel } from '../drift/model.js';

const hostRule = /Host\(\s*`([^`]+)`/;

/** `https://<host>` from a Traefik router rule label (`traefik.http.routers.<r>.rule=Host(\`…\`)`). */
export function traefikUrl(labels: ReadonlyMap<string, string>): string | undefined {
  for (const [key, value] of labels) {
    if (!/^traefik\.http\.routers\.[^.]+\.rule$/.test(key)) continue;
    const host = hostRule.exec(value)?.[1];
    if (host === undefined || host.includes('⟪')) continue;
    const router = key.split('.')[3] ?? '';
    const tls =
      [...labels.keys()].some((k) => k.startsWith(`traefik.http.routers.${router}.tls`)) ||
      labels.get(`traefik.http.routers.${router}.entrypoints`) === 'websecure';
    return `${tls ? 'https' : 'http'}://${host}`;
  }
  return undefined;
}

/** The image version: the OCI version label when present, else the tag (or the digest's start). */
export function imageVersion(model: ServiceModel): string {
  const label = model.labels.get('org.opencontainers.image.version');
  if (label !== undefined && label !== '' && !label.includes('⟪')) return label;
  if (model.image.tag !== '') return model.image.tag;
  return model.image.digest.slice(0, 19);
}

/** `repo:tag` without the implicit `docker.io/library/` / `docker.io/` prefix. */
export function imageName(model: ServiceModel): string {
  const repo = model.image.repo.replace(/^docker\.io\/(library\/)?/, '');
  return model.image.tag === '' ? `${repo}@${model.image.digest.slice(0, 19)}` : `${repo}:${model.image.tag}`;
}

/** Bind mounts as host source → container path (volumes and tmpfs left out). */
export const bindsOf = (model: ServiceModel): { source: string; target: string }[] =>
  [...model.mounts]
    .filter(([, m]) => m.type === 'bind')
    .map(([target, m]) => ({ source: m.source, target }))
    .sort((a, b) => a.target.localeCompare(b.target));
