import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { interpolateDocument, interpolateText } from './interpolate.js';

const env: Record<string, string> = { USER: 'alice', EMPTY: '', TRICKY: 'a: b # c "d" \'e\'\n- f', DB_PASSWORD: 'pw' };
const lookup = (name: string): string | undefined => env[name];

describe('interpolateText', () => {
  it('substitutes ${NAME} and applies defaults only when unset or empty as requested', () => {
    expect(interpolateText('u=${USER}', lookup).value).toBe('u=alice');
    expect(interpolateText('${NOPE:-x}|${EMPTY:-y}|${EMPTY-z}|${NOPE-w}', lookup).value).toBe('x|y||w');
  });

  it('treats $$ as a literal dollar and leaves other dollars alone', () => {
    expect(interpolateText('$${USER} costs $$5, $HOME stays', lookup)).toMatchObject({
      value: '${USER} costs $5, $HOME stays',
      problems: [],
    });
  });

  it('reports an unset variable by name, and the :? message', () => {
    expect(interpolateText('${NOPE}', lookup).problems).toEqual([
      { name: 'NOPE', message: expect.stringContaining('environment variable NOPE is not set') as unknown },
    ]);
    expect(interpolateText('${EMPTY:?give it a value}', lookup).problems[0]?.message).toContain(
      'EMPTY is not set: give it a value',
    );
  });

  it('reports malformed and unclosed references', () => {
    expect(interpolateText('${1X}', lookup).problems[0]?.message).toContain('malformed reference ${1X}');
    expect(interpolateText('abc ${USER', lookup).problems[0]?.message).toContain('unclosed ${');
  });

  it('does not re-scan substituted values', () => {
    expect(interpolateText('${X}', (n) => (n === 'X' ? '${USER}' : undefined)).value).toBe('${USER}');
  });
});

describe('interpolateDocument', () => {
  it('keeps the YAML structure when a value contains YAML syntax, and leaves keys alone', () => {
    const doc = parseDocument('a: ${TRICKY}\n${USER}: "${USER}"\nlist: [x, "${USER}"]\n');
    const report = interpolateDocument(doc, lookup);
    expect(report.problems).toEqual([]);
    expect(doc.toJS()).toEqual({ a: env['TRICKY'], '${USER}': 'alice', list: ['x', 'alice'] });
  });

  it('points a missing variable at its data path and at the ${ in the source', () => {
    const source = 'hosts:\n  - name: a\n    ssh:\n      host: "x-${SSH_HOST}"\n';
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter });
    const [problem] = interpolateDocument(doc, lookup, source).problems;
    expect(problem?.path).toEqual(['hosts', 0, 'ssh', 'host']);
    expect(lineCounter.linePos(problem?.offset ?? -1)).toEqual({ line: 4, col: 16 });
  });

  it('marks values built from secret-named variables', () => {
    const doc = parseDocument('db:\n  url: "postgres://u:${DB_PASSWORD}@h"\n  user: ${USER}\n');
    expect([...interpolateDocument(doc, lookup).secretPaths]).toEqual(['db.url']);
  });
});
