import { describe, expect, it } from 'vitest';
import { splitResume } from './resume-later.js';

describe('splitResume', () => {
  it('separates the saved state from the payload the job map validates', () => {
    const { payload, state } = splitResume({ runId: 'r1', options: {}, resume: { step: 3 } });
    expect(payload).toEqual({ runId: 'r1', options: {} });
    expect(state).toEqual({ step: 3 });
  });

  it('leaves a first-run payload untouched', () => {
    const data = { runId: 'r1', options: {} };
    expect(splitResume(data)).toEqual({ payload: data, state: undefined });
  });
});
