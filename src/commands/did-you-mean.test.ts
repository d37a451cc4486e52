import { describe, expect, it } from 'vitest';
import { didYouMean, didYouMeanText, editDistance } from './did-you-mean.js';

describe('didYouMean', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('pnig', 'ping')).toBe(1);
    expect(editDistance('ping', 'ping')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest command or option for a typo', () => {
    expect(didYouMean('pnig', ['ping', 'status', 'drift'])).toBe('ping');
    expect(didYouMean('stauts', ['ping', 'status'])).toBe('status');
    expect(didYouMean('hots', ['host', 'stack'])).toBe('host');
    expect(didYouMeanText('catalgo', ['catalog'], '/')).toBe(' Did you mean /catalog?');
  });

  it('suggests nothing for a word that is not close to any candidate', () => {
    expect(didYouMean('deploy', ['ping', 'status', 'drift'])).toBeUndefined();
    expect(didYouMeanText('xyz', ['ping'])).toBe('');
  });
});
