import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalog-entry.js';
import { mediaFolders, pipelineEdges } from './media-pipeline.js';

const entry = (service: string, image: string, binds: CatalogEntry['binds'] = []): CatalogEntry => ({
  host: 'media01',
  stack: 'media',
  service,
  image,
  version: 'latest',
  state: 'running',
  networks: ['media'],
  binds,
  origin: 'git+running',
});

describe('media pipeline of a Jellyfin + Jellyseerr stack', () => {
  const entries = [
    entry('jellyseerr', 'fallenbagel/jellyseerr:2.7.3'),
    entry('radarr', 'lscr.io/linuxserver/radarr:5'),
    entry('sonarr', 'lscr.io/linuxserver/sonarr:4'),
    entry('jellyfin', 'jellyfin/jellyfin:10.11.11', [
      { source: '/srv/jellyfin/config', target: '/config' },
      { source: '/srv/jellyfin/cache', target: '/cache' },
      { source: '/srv/media', target: '/data/media' },
    ]),
  ];

  it('draws Jellyseerr → Radarr/Sonarr (requests) and Jellyseerr → Jellyfin (library)', () => {
    expect(pipelineEdges(entries).map((e) => `${e.from.service} -${e.label}-> ${e.to.service}`)).toEqual([
      'jellyseerr -requests-> radarr',
      'jellyseerr -requests-> sonarr',
      'jellyseerr -library-> jellyfin',
    ]);
  });

  it("lists Jellyfin's media folders, not its config or cache", () => {
    expect(mediaFolders(entries).map((f) => f.folder)).toEqual(['/srv/media']);
  });
});
