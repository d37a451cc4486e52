import { describe, expect, it } from 'vitest';
import { encodeQueryValue, toQueryString } from './encode-query.js';

describe('encodeQueryValue', () => {
  it('uses %20 for spaces and escapes every RFC 3986 reserved character', () => {
    expect(encodeQueryValue("Schindler's List")).toBe('Schindler%27s%20List');
    expect(encodeQueryValue('M*A*S*H (1972)!')).toBe('M%2AA%2AS%2AH%20%281972%29%21');
    expect(encodeQueryValue('Fast & Furious: 1+1=2?/#')).toBe('Fast%20%26%20Furious%3A%201%2B1%3D2%3F%2F%23');
    expect(encodeQueryValue('Amélie')).toBe('Am%C3%A9lie');
  });

  it('round-trips through decodeURIComponent', () => {
    for (const s of ["it's", 'a+b', '千と千尋', '100% & more', '(x)*!'])
      expect(decodeURIComponent(encodeQueryValue(s))).toBe(s);
  });
});

describe('toQueryString', () => {
  it('joins encoded pairs and leaves out undefined values', () => {
    expect(toQueryString({ query: 'a b', page: 2, language: undefined })).toBe('query=a%20b&page=2');
  });
});
