import { describe, expect, it } from 'vitest';
import { diffFindings, isUnchanged, type Finding } from './scheduled-task.js';

const f = (key: string, state = 'a'): Finding => ({ key, state, text: `${key}=${state}` });

describe('diffFindings', () => {
  it('finds nothing when the same findings come back in another order', () => {
    const diff = diffFindings({ x: f('x'), y: f('y') }, [f('y'), f('x')]);
    expect(isUnchanged(diff)).toBe(true);
  });

  it('tells new, changed and resolved findings apart', () => {
    const diff = diffFindings({ x: f('x'), y: f('y') }, [f('x', 'b'), f('z')]);
    expect(diff.added.map((d) => d.key)).toEqual(['z']);
    expect(diff.changed.map((d) => d.text)).toEqual(['x=b']);
    expect(diff.resolved.map((d) => d.key)).toEqual(['y']);
  });

  it('treats a first run (no previous findings) with findings as new', () => {
    expect(diffFindings({}, [f('x')]).added).toHaveLength(1);
    expect(isUnchanged(diffFindings({}, []))).toBe(true);
  });
});
