import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv.js';

describe('parseDotenv', () => {
  it('reads plain, exported, quoted and commented assignments', () => {
    const text = [
      '# comment',
      '',
      'A=1',
      'export B = two words  # trailing comment',
      "C='single #kept $X'",
      'D="line\\nbreak \\"q\\""',
      'E=pa#ss',
      'F=',
      'G="multi',
      'line"',
      '',
    ].join('\n');
    expect(parseDotenv(text)).toEqual({
      values: {
        A: '1',
        B: 'two words',
        C: 'single #kept $X',
        D: 'line\nbreak "q"',
        E: 'pa#ss',
        F: '',
        G: 'multi\nline',
      },
      problems: [],
    });
  });

  it('reports lines it does not understand without their values', () => {
    const result = parseDotenv('OK=1\nnot an assignment\nBAD="unterminated\n');
    expect(result.values).toEqual({ OK: '1' });
    expect(result.problems).toEqual([
      { line: 2, message: 'expected KEY=value (optionally prefixed by export)' },
      { line: 3, message: 'BAD: missing closing "' },
    ]);
  });

  it('rejects text after a closing quote', () => {
    expect(parseDotenv("K='a' b").problems).toEqual([
      { line: 1, message: 'K: unexpected text after the closing quote' },
    ]);
  });
});
