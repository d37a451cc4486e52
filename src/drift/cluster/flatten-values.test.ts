import { describe, expect, it } from 'vitest';
import { flattenValues, pathKeys } from './flatten-values.js';

describe('flattenValues', () => {
  it('gives one path per scalar leaf, lists and empty maps whole, odd keys quoted', () => {
    const flat = flattenValues({ a: { b: 1, 'c.d': 'x' }, list: [1, 2], empty: {}, nil: null });
    expect([...flat]).toEqual([
      ['values.a.b', '1'],
      ['values.a["c.d"]', '"x"'],
      ['values.list', '[1,2]'],
      ['values.empty', '{}'],
      ['values.nil', 'null'],
    ]);
  });

  it('turns a path back into its keys', () => {
    expect(pathKeys('values.a["c.d"].e-f')).toEqual(['a', 'c.d', 'e-f']);
    expect(pathKeys('values.replicaCount')).toEqual(['replicaCount']);
  });
});
