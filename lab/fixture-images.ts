/**
 * Every image reference the fixture compose files use, each with an alternative tag for the
 * "image tag" drift. In the lab all of them are tags of two `docker import`ed busybox images
 * (current tags → variant `a`, alternative tags → variant `b`), so a tag change also changes
 * the image ID, as it would for real.
 */
export const fixtureImages = [
  { repo: 'traefik', tag: 'v3.1.2', altTag: 'v3.1.3' },
  { repo: 'traefik/whoami', tag: 'v1.10.3', altTag: 'v1.10.4' },
  { repo: 'pihole/pihole', tag: '2024.07.0', altTag: '2024.08.0' },
  { repo: 'prom/prometheus', tag: 'v2.54.1', altTag: 'v2.55.0' },
  { repo: 'grafana/grafana', tag: '11.2.0', altTag: '11.2.1' },
  { repo: 'lscr.io/linuxserver/plex', tag: '1.40.5', altTag: '1.41.0' },
  { repo: 'lscr.io/linuxserver/sonarr', tag: '4.0.9', altTag: '4.0.10' },
  { repo: 'lscr.io/linuxserver/radarr', tag: '5.9.1', altTag: '5.10.4' },
  { repo: 'lscr.io/linuxserver/prowlarr', tag: '1.23.1', altTag: '1.24.3' },
  { repo: 'lscr.io/linuxserver/bazarr', tag: '1.4.4', altTag: '1.4.5' },
  { repo: 'qmcgaw/gluetun', tag: 'v3.39.0', altTag: 'v3.39.1' },
  { repo: 'lscr.io/linuxserver/qbittorrent', tag: '4.6.7', altTag: '5.0.0' },
  { repo: 'busybox', tag: '1.36.1', altTag: '1.37.0' },
] as const;

/** The alternative tag for an image reference used by the fixtures (`repo:tag` → `repo:altTag`). */
export function alternativeImage(ref: string): string {
  const image = fixtureImages.find((i) => `${i.repo}:${i.tag}` === ref);
  if (image === undefined) throw new Error(`no alternative tag for image ${ref}`);
  return `${image.repo}:${image.altTag}`;
}
