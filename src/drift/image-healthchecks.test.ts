import { describe, expect, it } from 'vitest';
import { imageHasHealthcheck } from './image-healthchecks.js';

describe('imageHasHealthcheck', () => {
  it('reads Config.Healthcheck.Test of an inspected image; NONE or none means no healthcheck', () => {
    expect(
      imageHasHealthcheck({ Config: { Healthcheck: { Test: ['CMD-SHELL', '/gluetun-entrypoint healthcheck'] } } }),
    ).toBe(true);
    expect(imageHasHealthcheck({ Config: { Healthcheck: { Test: ['NONE'] } } })).toBe(false);
    expect(imageHasHealthcheck({ Config: {} })).toBe(false);
    expect(imageHasHealthcheck({ Config: null })).toBe(false);
  });
});
