import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.js';

describe('unifiedDiff', () => {
  it('returns an empty string for equal texts', () => {
    expect(unifiedDiff('a\nb', 'a\nb', 'x', 'y')).toBe('');
  });

  it('renders one changed line with context and correct hunk ranges', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n');
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h'].join('\n');
    expect(unifiedDiff(before, after, 'git/s', 'running/s')).toBe(
      ['--- git/s', '+++ running/s', '@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ''].join('\n'),
    );
  });

  it('splits distant changes into separate hunks', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const changed = lines.map((l, i) => (i === 1 || i === 18 ? `${l}!` : l));
    const diff = unifiedDiff(lines.join('\n'), changed.join('\n'), 'a', 'b');
    expect(diff.match(/^@@ /gm)).toHaveLength(2);
    expect(diff).toContain('@@ -1,5 +1,5 @@');
    expect(diff).toContain('@@ -16,5 +16,5 @@');
  });

  it('diffs against an absent side as pure additions starting at line 0', () => {
    expect(unifiedDiff('', 'x\ny', 'a', 'b')).toBe(['--- a', '+++ b', '@@ -0,0 +1,2 @@', '+x', '+y', ''].join('\n'));
  });
});
