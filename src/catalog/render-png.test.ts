import { describe, expect, it } from 'vitest';
import { findPngRenderer } from './render-png.js';

describe('findPngRenderer', () => {
  it('says how to get a PNG when no Chromium is on PATH', async () => {
    expect(await findPngRenderer('/nonexistent-dir')).toEqual({ unavailable: 'no headless Chromium found (install the Debian package `chromium` to get a PNG)' });
  });
});
