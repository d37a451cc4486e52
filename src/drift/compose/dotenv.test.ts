import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv.js';

describe('parseDotenv', () => {
  it('follows compose-go quoting, comment and export rules', () => {
    const text = [
      '# comment',
      'export A=1',
      'B=two words # trailing comment',
      "C='literal $A \\n'",
      'D="x\\ty\\$A $A"',
      'E: yaml style',
      'F=${A}-${MISSING:-def}',
      'G=a#b',
      'H="multi',
      'line"',
      'INHERITED',
      '',
    ].join('\n');
    const { values, errors } = parseDotenv(text, { values: new Map([['INHERITED', 'from-os']]), complete: true });
    expect(errors).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      A: '1',
      B: 'two words',
      C: 'literal $A \\n',
      D: 'x\ty$A 1',
      E: 'yaml style',
      F: '1-def',
      G: 'a#b',
      H: 'multi\nline',
      INHERITED: 'from-os',
    });
  });

  it('prefers the OS env over earlier keys when interpolating', () => {
    const { values } = parseDotenv('A=file\nB=$A', { values: new Map([['A', 'os']]), complete: true });
    expect(values.get('B')).toBe('os');
  });

  it('reports a line it cannot parse and keeps the rest', () => {
    const { values, errors } = parseDotenv('A=1\n=oops\nB=2');
    expect(errors).toEqual([{ line: 2, error: 'unexpected character in "=oops"' }]);
    expect([...values.keys()]).toEqual(['A', 'B']);
  });
});
