import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from './cache-dir.js';

describe('defaultCacheDir', () => {
  it('is per user: HLB_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(defaultCacheDir({ HLB_CACHE_DIR: '/srv/cache', XDG_CACHE_HOME: '/x', HOME: '/home/a' })).toBe('/srv/cache');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/data/cache', HOME: '/home/a' })).toBe('/data/cache/homelab-bot');
    expect(defaultCacheDir({ HOME: '/home/alice' })).toBe('/home/alice/.cache/homelab-bot');
    expect(defaultCacheDir({ HOME: '/home/bob' })).not.toBe(defaultCacheDir({ HOME: '/home/alice' }));
  });

  it('falls back to a per-uid temp folder without a home', () => {
    expect(defaultCacheDir({ HOME: '/' })).toMatch(/homelab-bot-cache-\d+$/);
  });
});
