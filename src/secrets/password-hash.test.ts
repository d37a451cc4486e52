import { describe, expect, it } from 'vitest';
import { isPasswordHash } from './password-hash.js';

describe('isPasswordHash', () => {
  it('accepts htpasswd and crypt hashes, with or without a user, several users comma-separated', () => {
    expect(isPasswordHash('admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/')).toBe(true);
    expect(isPasswordHash('$2y$05$abcdefghijklmnopqrstuuJ0Q0p7l3Q')).toBe(true);
    expect(isPasswordHash('a:$apr1$x$y,b:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=')).toBe(true);
  });

  it('rejects plaintext passwords and tokens', () => {
    expect(isPasswordHash('admin:hunter2')).toBe(false);
    expect(isPasswordHash('ghp_0123456789abcdefghijABCDEFGHIJ')).toBe(false);
    expect(isPasswordHash('')).toBe(false);
    expect(isPasswordHash('cost=$5 for $HOME')).toBe(false);
  });
});
