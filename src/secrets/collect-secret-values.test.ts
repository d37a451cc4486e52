import { describe, expect, it } from 'vitest';
import { collectSecretValues } from './collect-secret-values.js';
import { redactText } from './redact-text.js';

describe('collectSecretValues', () => {
  it('collects secret-named values and URL passwords, longest first, without duplicates', () => {
    const config = {
      chat: { discord: { token: 'tok-1', applicationId: '1234' } },
      media: {
        radarr: { url: 'http://radarr.lan:7878', apiKey: 'radarr-key' },
        qbittorrent: { username: 'admin', password: 'tok-1' },
      },
      redis: { url: 'redis://:redis%40pw@redis:6379' },
      hooks: ['https://x.test/hook?token=q-secret&page=2'],
    };
    expect(collectSecretValues(config)).toEqual(['radarr-key', 'q-secret', 'redis@pw', 'tok-1']);
  });

  it('redacts every collected value from a text', () => {
    expect(redactText('a tok-1 b radarr-key', ['radarr-key', 'tok-1'])).toBe('a [redacted] b [redacted]');
  });
});
