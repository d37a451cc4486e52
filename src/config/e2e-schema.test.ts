import { describe, expect, it } from 'vitest';
import { e2eSchema } from './e2e-schema.js';

describe('e2e config', () => {
  it('fills defaults and parses durations to milliseconds', () => {
    const e2e = e2eSchema.parse({ tmdbId: 10378, timeouts: { download: '6h' } });
    expect(e2e.pollIntervalMs).toBe(30_000);
    expect(e2e.timeoutsMs.download).toBe(6 * 3_600_000);
    expect(e2e.timeoutsMs.grab).toBe(30 * 60_000);
    expect(e2e.category).toBe('radarr');
    expect(e2e.cleanup).toBe(true);
  });

  it('rejects an unknown step and a bad duration, naming what is accepted', () => {
    const typo = e2eSchema.safeParse({ tmdbId: 1, timeouts: { downlaod: '1h' } });
    const bad = e2eSchema.safeParse({ tmdbId: 1, pollInterval: 'soon' });
    expect(typo.success).toBe(false);
    expect(JSON.stringify(typo.error?.issues)).toContain('downlaod');
    expect(bad.error?.issues[0]?.message).toMatch(/duration like 30s/);
  });

  it('requires the test title', () => {
    expect(e2eSchema.safeParse({}).success).toBe(false);
  });
});
