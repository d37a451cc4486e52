import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPngRenderer } from './render-png.js';

describe('findPngRenderer', () => {
  let bin: string;
  beforeAll(async () => {
    // A stand-in `chromium` on a private PATH: only its presence is looked at here.
    bin = await mkdtemp(join(tmpdir(), 'hlb-png-'));
    await writeFile(join(bin, 'chromium'), '#!/bin/sh\nexit 1\n');
    await chmod(join(bin, 'chromium'), 0o755);
  });
  afterAll(async () => {
    await rm(bin, { recursive: true, force: true });
  });

  it('says how to get a PNG when no Chromium is on PATH', async () => {
    const choice = await findPngRenderer('/nonexistent-dir', {});
    expect(choice).toEqual({
      unavailable: expect.stringContaining('install the Debian package `chromium`') as unknown,
    });
    expect('unavailable' in choice && choice.unavailable).toContain('--build-arg WITH_CHROMIUM=true');
  });

  it('uses the bundle named by MERMAID_BUNDLE (the Docker image), and says when that file is missing', async () => {
    await writeFile(join(bin, 'mermaid.min.js'), '/* bundle */');
    expect('renderer' in (await findPngRenderer(bin, { MERMAID_BUNDLE: join(bin, 'mermaid.min.js') }))).toBe(true);
    expect(await findPngRenderer(bin, { MERMAID_BUNDLE: join(bin, 'gone.js') })).toEqual({
      unavailable: `the Mermaid browser bundle is missing (${join(bin, 'gone.js')} not found)`,
    });
  });

  it('falls back to the installed mermaid package', async () => {
    expect('renderer' in (await findPngRenderer(bin, {}))).toBe(true);
  });
});
