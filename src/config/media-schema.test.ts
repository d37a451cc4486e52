import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mediaSchema } from './media-schema.js';

const key = 'k'.repeat(32);

describe('media.jellyseerr and media.jellyfin', () => {
  it('validates Jellyseerr as the request server (media.overseerr after validation, flavor jellyseerr)', () => {
    const media = mediaSchema.parse({
      jellyseerr: { url: 'http://jellyseerr:5055', apiKey: key },
      jellyfin: { url: 'http://jellyfin:8096', apiKey: key, webUrl: 'https://jf.example.com' },
    });
    expect(media.overseerr).toMatchObject({
      url: 'http://jellyseerr:5055',
      flavor: 'jellyseerr',
      notifyPollMs: 600_000,
    });
    expect(media.jellyfin).toEqual({ url: 'http://jellyfin:8096', apiKey: key, webUrl: 'https://jf.example.com' });
    expect('jellyseerr' in media).toBe(false);
  });

  it('keeps Overseerr as flavor overseerr, with Plex and Jellyfin side by side', () => {
    const media = mediaSchema.parse({
      overseerr: { url: 'http://overseerr:5055', apiKey: key },
      plex: { url: 'http://plex:32400', token: key },
      jellyfin: { url: 'http://jellyfin:8096', apiKey: key },
    });
    expect(media.overseerr?.flavor).toBe('overseerr');
    expect(media.plex?.url).toBe('http://plex:32400');
    expect(media.jellyfin?.url).toBe('http://jellyfin:8096');
  });

  it('refuses Overseerr and Jellyseerr at once, naming both keys', () => {
    const result = mediaSchema.safeParse({
      overseerr: { url: 'http://overseerr:5055', apiKey: key },
      jellyseerr: { url: 'http://jellyseerr:5055', apiKey: key },
    });
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain('set either media.overseerr or media.jellyseerr, not both');
  });

  it('refuses a Jellyfin entry without an API key, or with a typo', () => {
    expect(mediaSchema.safeParse({ jellyfin: { url: 'http://jellyfin:8096' } }).success).toBe(false);
    expect(mediaSchema.safeParse({ jellyfin: { url: 'http://jellyfin:8096', apiKey: key, token: key } }).success).toBe(
      false,
    );
  });
});
