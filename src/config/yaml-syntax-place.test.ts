import { describe, expect, it } from 'vitest';
import { formatProblem } from './config-problem.js';
import { checkConfigText } from './parse-config.js';

const check = (text: string): string[] => {
  const result = checkConfigText(text, { file: 'config.yaml', lookup: () => undefined });
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('YAML syntax errors point at the line to fix', () => {
  it('a line indented deeper than its siblings: that line, not the one above it', () => {
    expect(check('chat:\n  slack:\n    botToken: x\n      signingSecret: y\n    channelId: C\n')).toEqual([
      'config.yaml:4:7  YAML syntax error: this line is indented deeper than the key on line 3 above it; line it up with that key, or nest it under a key that ends with ":"',
    ]);
  });

  it('an unclosed [ or quote: the line that opened it, not the next one', () => {
    expect(check('hosts: [a, b\nhttp:\n  port: 1\n')[0]).toMatch(
      /^config\.yaml:1:1 {2}YAML syntax error: Flow sequence .* \(opened on this line and never closed\)$/,
    );
    expect(check('http:\n  port: 1\n  host: "x\nredis: {}\n')[0]).toMatch(
      /^config\.yaml:3:3 {2}YAML syntax error: Missing closing "quote \(opened on this line and never closed\)$/,
    );
  });

  it('a key that does not line up: its own line and column, with both columns named', () => {
    expect(check('hosts:\n  - name: a\n    endpoint: e\n    ssh:\n      host: x\n     port: 22\nhttp: {}\n')).toEqual([
      'config.yaml:6:6  YAML syntax error: All mapping items must start at the same column; "port: 22" starts at column 6, the line above at column 7',
    ]);
  });
});
