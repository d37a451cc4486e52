import { describe, expect, it } from 'vitest';
import { formatProblem } from './config-problem.js';
import { checkConfigText } from './parse-config.js';

const noEnv = (): undefined => undefined;

function problems(text: string): string[] {
  const result = checkConfigText(text, { file: 'c.yaml', lookup: noEnv });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('checkConfigText', () => {
  it('treats an empty file and keys left empty (contents commented out) as absent', () => {
    expect(problems('')).toEqual([]);
    expect(problems('hosts:\nchat:\n  discord:\n#   token: x\nmedia:\n')).toEqual([]);
  });

  it('rejects a top-level list and duplicate keys', () => {
    expect(problems('- a\n')).toEqual(['c.yaml:1:1  expected a mapping (key: value), got a list']);
    expect(problems('http:\n  port: 1\nhttp:\n  port: 2\n')).toEqual([
      'c.yaml:3:1  YAML syntax error: Map keys must be unique',
    ]);
  });

  it('follows anchors and aliases', () => {
    const text =
      'hosts:\n  - &h { name: a, endpoint: e, ssh: { host: x, privateKeyPath: /k, knownHostsPath: /kh } }\npeople: []\n';
    expect(problems(text)).toEqual([]);
  });

  it('reports a missing required key at its parent entry', () => {
    expect(problems('hosts:\n  - name: x\n    endpoint: e\n')).toEqual([
      'c.yaml:2:5  hosts[0].ssh: missing — expected a mapping (key: value)',
    ]);
  });
});
