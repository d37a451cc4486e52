import { UserError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { OptionSpec } from './option-specs.js';
import { tokenize } from './tokenize.js';

export type OptionValues = Record<string, string | number | boolean>;

/** Human description of accepted options, used in every parse error. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  if (specs.length === 0) return 'This command takes no options.';
  const parts = specs.map((s) => {
    const kind = s.choices === undefined ? s.type : s.choices.join('|');
    return `${s.name}:<${kind}>${s.required ? '' : ' (optional)'}`;
  });
  return `Accepted: ${parts.join(', ')}`;
}

function fail(message: string, specs: readonly OptionSpec[]): never {
  throw new UserError('bad-options', `${message}. ${describeOptions(specs)}`);
}

function convert(spec: OptionSpec, raw: string, specs: readonly OptionSpec[]): string | number | boolean {
  if (spec.type === 'integer') {
    if (!/^-?\d+$/.test(raw)) fail(`${spec.name} must be a whole number, got "${raw}"`, specs);
    return Number(raw);
  }
  if (spec.type === 'boolean') {
    const lower = raw.toLowerCase();
    if (['true', 'yes', '1'].includes(lower)) return true;
    if (['false', 'no', '0'].includes(lower)) return false;
    return fail(`${spec.name} must be true or false, got "${raw}"`, specs);
  }
  if (spec.choices !== undefined && !spec.choices.includes(raw)) {
    fail(`${spec.name} must be one of ${spec.choices.join(', ')}, got "${raw}"`, specs);
  }
  return raw;
}

/** ` (did you mean host?)` when the typed name is a typo of an option, else ''. */
const guess = (typed: string, specs: readonly OptionSpec[], prefix: string): string => {
  const name = didYouMean(
    typed,
    specs.map((s) => s.name),
  );
  return name === undefined ? '' : ` (did you mean ${prefix}${name}?)`;
};

function keyValue(token: string, specs: readonly OptionSpec[]): [OptionSpec, string] | undefined {
  // The bare name of a boolean option switches it on, as the README writes it: `/e2e dry-run`.
  const bare = specs.find((s) => s.type === 'boolean' && s.name === token);
  if (bare !== undefined) return [bare, 'true'];
  const flag = /^--([\w-]+)$/.exec(token);
  if (flag?.[1] !== undefined) {
    const spec = specs.find((s) => s.name === flag[1]);
    if (spec?.type !== 'boolean')
      fail(
        `Unknown flag --${flag[1]}${guess(
          flag[1],
          specs.filter((s) => s.type === 'boolean'),
          '--',
        )}`,
        specs,
      );
    return [spec, 'true'];
  }
  const match = /^([A-Za-z][\w-]*)[:=](.*)$/s.exec(token);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const spec = specs.find((s) => s.name === match[1]);
  if (spec === undefined) return fail(`Unknown option "${match[1]}"${guess(match[1], specs, '')}`, specs);
  return [spec, match[2]];
}

/**
 * Slack/shell text → option values: `key:value` (or `key=value`) pairs, `name` or `--name` for booleans,
 * and positional values filling the remaining options in declaration order. A final string
 * option swallows the rest, so `/request Schindler's List` works without quotes.
 */
export function parseCommandText(text: string, specs: readonly OptionSpec[]): OptionValues {
  const values: OptionValues = {};
  const positional: string[] = [];
  for (const token of tokenize(text)) {
    const pair = keyValue(token, specs);
    if (pair === undefined) positional.push(token);
    else if (pair[0].name in values) fail(`${pair[0].name} given twice`, specs);
    else values[pair[0].name] = convert(pair[0], pair[1], specs);
  }
  const free = specs.filter((s) => !(s.name in values));
  for (const [i, raw] of positional.entries()) {
    const spec = free[i];
    if (spec === undefined) fail(`Unexpected value "${raw}"`, specs);
    if (i === free.length - 1 && spec.type === 'string' && spec.choices === undefined) {
      values[spec.name] = positional.slice(i).join(' ');
      break;
    }
    values[spec.name] = convert(spec, raw, specs);
  }
  const missing = specs.filter((s) => s.required && !(s.name in values)).map((s) => s.name);
  if (missing.length > 0) fail(`Missing ${missing.join(', ')}`, specs);
  return values;
}
