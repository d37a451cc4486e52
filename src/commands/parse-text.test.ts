import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import type { OptionSpec } from './option-specs.js';
import { parseSlashLine } from './parse-slash-line.js';
import { e2e } from './e2e/e2e.js';
import { commandOptionSpecs } from './option-specs.js';
import { parseCommandText } from './parse-text.js';

const specs: OptionSpec[] = [
  { name: 'host', type: 'string', description: 'Host', required: true },
  { name: 'limit', type: 'integer', description: 'Limit', required: false },
  { name: 'dry', type: 'boolean', description: 'Dry', required: false },
  { name: 'kind', type: 'string', description: 'Kind', required: false, choices: ['movie', 'tv'] },
];
const title: OptionSpec[] = [
  { name: 'kind', type: 'string', description: 'Kind', required: false, choices: ['movie', 'tv'] },
  { name: 'title', type: 'string', description: 'Title', required: true },
];

describe('parseCommandText', () => {
  it('switches a boolean option on by its bare name, as the README writes /e2e dry-run (Slack and shell)', () => {
    const specs = commandOptionSpecs(e2e);
    expect(parseCommandText('dry-run', specs)).toEqual({ 'dry-run': true });
    expect(parseCommandText('dry-run:false', specs)).toEqual({ 'dry-run': false });
    expect(parseCommandText('', specs)).toEqual({});
    expect(() => parseCommandText('dry-run dry-run', specs)).toThrow('dry-run given twice');
  });

  it('reads key:value pairs, --flags and converts types', () => {
    expect(parseCommandText('host:ct-media-01 limit:5 --dry kind=tv', specs)).toEqual({
      host: 'ct-media-01',
      limit: 5,
      dry: true,
      kind: 'tv',
    });
  });

  it('fills positional values in declaration order', () => {
    expect(parseCommandText('ct-01 3 false', specs)).toEqual({ host: 'ct-01', limit: 3, dry: false });
  });

  it('keeps quoted values with apostrophes and lets the last string option take the rest', () => {
    expect(parseCommandText('"Schindler\'s List" kind:movie', title)).toEqual({
      title: "Schindler's List",
      kind: 'movie',
    });
    expect(parseCommandText("kind:movie Schindler's List", title)).toEqual({
      title: "Schindler's List",
      kind: 'movie',
    });
    expect(parseCommandText('title:\u201CThe Wire\u201D', title)).toEqual({ title: 'The Wire' });
  });

  it('names accepted options, types and choices in errors', () => {
    expect(() => parseCommandText('host:x limit:abc', specs)).toThrow(
      /limit must be a whole number.*host:<string>, limit:<integer> \(optional\)/,
    );
    expect(() => parseCommandText('host:x kind:book', specs)).toThrow(
      /kind must be one of movie, tv.*kind:<movie\|tv>/,
    );
    expect(() => parseCommandText('limit:1', specs)).toThrow(/Missing host/);
    expect(() => parseCommandText('host:x colour:red', specs)).toThrow(UserError);
    expect(() => parseCommandText('a 1 true movie extra', specs)).toThrow(/Unexpected value "extra"/);
    expect(() => parseCommandText('host:"open', specs)).toThrow(/Unterminated/);
  });

  it('suggests the option a typo was meant to be', () => {
    expect(() => parseCommandText('hots:ct-01', specs)).toThrow(
      /^Unknown option "hots" \(did you mean host\?\)\. Accepted: host:<string>/,
    );
    expect(() => parseCommandText('host:x --dyr', specs)).toThrow(/^Unknown flag --dyr \(did you mean --dry\?\)\./);
    expect(() => parseCommandText('host:x colour:red', specs)).toThrow(/^Unknown option "colour"\. Accepted/);
  });
});

describe('parseSlashLine', () => {
  it('splits command, sub-command and text for grouped commands only', () => {
    const grouped = (c: string): boolean => c === 'drift';
    expect(parseSlashLine('/drift audit host:ct-media-01', grouped)).toEqual({
      command: 'drift',
      subcommand: 'audit',
      text: 'host:ct-media-01',
    });
    expect(parseSlashLine('/request Dune 2', grouped)).toEqual({ command: 'request', text: 'Dune 2' });
    expect(parseSlashLine('  /ping  ')).toEqual({ command: 'ping', text: '' });
  });

  it('refuses lines without a slash', () => {
    expect(() => parseSlashLine('ping')).toThrow(/start with a slash/);
  });
});
