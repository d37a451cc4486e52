import { describe, expect, it } from 'vitest';
import { isSecret, maskPair } from './mask.js';

describe('mask', () => {
  it.each([
    'API_TOKEN',
    'DB_PASSWORD',
    'RADARR__APIKEY',
    'WIREGUARD_PRIVATE_KEY',
    'traefik.http.middlewares.a.basicauth.users',
    'SESSION_COOKIE',
  ])('treats %s as secret by name', (key) => {
    expect(isSecret(key, ['x'], [])).toBe(true);
  });

  it('treats known secret values as secret under any key, but not short ones', () => {
    expect(isSecret('DEBUG', ['prefix-hunter2-suffix'], ['hunter2'])).toBe(true);
    expect(isSecret('DEBUG', ['abc'], ['ab'])).toBe(false);
    expect(isSecret('TZ', ['UTC'], ['hunter2'])).toBe(false);
  });

  it('never reveals length and keeps the change visible', () => {
    expect(maskPair('short', 'a-much-longer-value')).toEqual({ expected: '••••', actual: '•••• (changed)' });
    expect(maskPair('same', 'same')).toEqual({ expected: '••••', actual: '••••' });
    expect(maskPair(null, 'x')).toEqual({ expected: null, actual: '••••' });
  });
});
