import { describe, expect, it } from 'vitest';
import { initialE2eState, toE2eState } from './e2e-state.js';
import { formatElapsed, renderSteps } from './render-e2e.js';

describe('renderSteps', () => {
  it('shows one line per hop with status, elapsed time and note', () => {
    const state = initialE2eState(0);
    const steps = state.steps.map((s, i) =>
      i === 0
        ? { ...s, status: 'ok' as const, startedAt: 0, endedAt: 1_500, note: 'request #3 approved' }
        : i === 1
          ? { ...s, status: 'running' as const, startedAt: 1_500, note: 'Radarr has no movie with tmdb 194' }
          : s,
    );
    const text = renderSteps({ ...state, steps }, 62_000, 'heading');
    const lines = text.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toBe('✅ Overseerr request approved — 1 s (request #3 approved)');
    expect(lines[2]).toBe('🔄 Radarr has the movie — 1 min 00 s (Radarr has no movie with tmdb 194)');
    expect(lines[3]).toBe('⬜ Radarr searched via Prowlarr and grabbed a release');
  });

  it('formats long waits in hours', () => {
    expect(formatElapsed(850)).toBe('850 ms');
    expect(formatElapsed(2 * 3_600_000 + 3 * 60_000)).toBe('2 h 03 min');
  });
});

describe('toE2eState', () => {
  it('starts fresh without saved state and keeps a saved one', () => {
    const saved = { ...initialE2eState(5), facts: { movieId: 7 } };
    expect(toE2eState(undefined, 9).startedAt).toBe(9);
    expect(toE2eState(JSON.parse(JSON.stringify(saved)), 9).facts.movieId).toBe(7);
  });
});
