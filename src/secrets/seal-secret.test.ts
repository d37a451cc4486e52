import { describe, expect, it } from 'vitest';
import { createSealer } from './seal-secret.js';

describe('createSealer', () => {
  const secret = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZmdoaWprbG1ub3A';

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealer = createSealer('bot-token-1', 'answer:discord');
    const sealed = sealer.seal(secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(sealer.open(sealed)).toBe(secret);
    // Another process with the same key material opens it too (the bot that recovers the intent).
    expect(createSealer('bot-token-1', 'answer:discord').open(sealed)).toBe(secret);
  });

  it('seals the same secret differently each time (random IV)', () => {
    const sealer = createSealer('bot-token-1', 'answer:discord');
    expect(sealer.seal(secret)).not.toBe(sealer.seal(secret));
  });

  it('does not open with another key, another purpose, a changed or a malformed value', () => {
    const sealed = createSealer('bot-token-1', 'answer:discord').seal(secret);
    expect(createSealer('bot-token-2', 'answer:discord').open(sealed)).toBeUndefined();
    expect(createSealer('bot-token-1', 'answer:slack').open(sealed)).toBeUndefined();
    const sealer = createSealer('bot-token-1', 'answer:discord');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    expect(sealer.open(`v1.${bytes.toString('base64url')}`)).toBeUndefined();
    for (const bad of ['', 'v1.', 'v2.abc', `${sealed}.x`, 'v1.AAAA', secret]) expect(sealer.open(bad)).toBeUndefined();
  });
});
