import { describe, expect, it } from 'vitest';
import { toContainerPath, toHostPath } from './container-view.js';
import { qbtOutputDir, remapToLocal } from './download-path.js';
import { ipInCidrs } from './ip-in-cidr.js';

const mounts = [
  { source: '/srv/media', destination: '/data' },
  { source: '/srv/fast/downloads', destination: '/data/downloads' },
  { source: '/var/lib/docker/volumes/radarr_config/_data', destination: '/config' },
];

describe('container paths', () => {
  it('maps through the mount with the longest destination', () => {
    expect(toHostPath(mounts, '/data/downloads/movies')).toBe('/srv/fast/downloads/movies');
    expect(toHostPath(mounts, '/data/media/movies/')).toBe('/srv/media/media/movies');
    expect(toHostPath(mounts, '/data')).toBe('/srv/media');
    expect(toHostPath(mounts, '/datax/a')).toBeUndefined();
    expect(toHostPath(mounts, '/downloads')).toBeUndefined();
  });

  it('finds where a container sees a host folder', () => {
    expect(toContainerPath(mounts, '/srv/fast/downloads/tv')).toBe('/data/downloads/tv');
    expect(toContainerPath(mounts, '/srv/other')).toBeUndefined();
  });
});

describe('download folders', () => {
  const prefs = { save_path: '/downloads/' };
  it('uses the category path (absolute or relative to save_path), else the default', () => {
    const categories = {
      radarr: { name: 'radarr', savePath: '/data/movies' },
      tv: { name: 'tv', savePath: 'tv' },
      none: { name: 'none', savePath: '' },
    };
    expect(qbtOutputDir(prefs, categories, 'radarr')).toBe('/data/movies');
    expect(qbtOutputDir(prefs, categories, 'tv')).toBe('/downloads/tv');
    expect(qbtOutputDir(prefs, categories, 'none')).toBe('/downloads');
    expect(qbtOutputDir(prefs, categories, 'missing')).toBe('/downloads');
  });

  it('applies a remote path mapping only for the client host, case-insensitively, on a path boundary', () => {
    const mappings = [{ id: 1, host: 'Gluetun', remotePath: '/downloads/', localPath: '/data/downloads/' }];
    expect(remapToLocal('/downloads/movies', 'gluetun', mappings).path).toBe('/data/downloads/movies');
    expect(remapToLocal('/downloads/movies', 'qbittorrent', mappings).path).toBe('/downloads/movies');
    expect(remapToLocal('/downloads2/movies', 'gluetun', mappings).path).toBe('/downloads2/movies');
  });
});

describe('ipInCidrs', () => {
  it('matches ranges and bare addresses of both families', () => {
    expect(ipInCidrs('203.0.113.7', ['203.0.113.0/24'])).toBe(true);
    expect(ipInCidrs('198.51.100.23', ['203.0.113.0/24', '198.51.100.22'])).toBe(false);
    expect(ipInCidrs('198.51.100.22', ['198.51.100.22'])).toBe(true);
    expect(ipInCidrs('2001:db8::5', ['2001:db8::/32'])).toBe(true);
    expect(ipInCidrs('not-an-ip', ['0.0.0.0/0'])).toBe(false);
  });
});
