import { CronExpressionParser } from 'cron-parser';

/** What a cron expression looks like, for error messages. */
export const cronHint =
  'a cron expression with 5 or 6 fields, like "0 7 * * *" (minute hour day-of-month month day-of-week), or @daily, @hourly, @weekly, @monthly, @yearly';

const fiveFields = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;
const sixFields = ['second', ...fiveFields] as const;

/** Parses like BullMQ's job scheduler does (same cron-parser), and asks for the next run so "never" fails too. */
function parseError(expression: string): string | undefined {
  try {
    CronExpressionParser.parse(expression).next();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The parser's wording made readable ("loop limit exceeded" means no date ever matches). */
const readable = (reason: string): string =>
  /loop limit exceeded|Invalid explicit day of month/i.test(reason)
    ? `no such date ever occurs (${reason})`
    : reason.replace(/^Validation error, /, '').replace(/^Constraint error, /, '');

/** The fields whose replacement by `*` makes the expression valid: the ones to blame. */
function culprits(fields: readonly string[], names: readonly string[]): string[] {
  return fields.flatMap((field, index) => {
    if (field === '*') return [];
    const relaxed = fields.map((f, i) => (i === index ? '*' : f)).join(' ');
    return parseError(relaxed) === undefined ? [`${names[index] ?? 'field'} "${field}"`] : [];
  });
}

/**
 * Why `text` is not a cron expression BullMQ can schedule (naming the field and the reason), or
 * undefined when it is: 5 fields (`m h dom mon dow`), 6 (seconds first), or a predefined `@daily`-style
 * alias, checked by the cron-parser version BullMQ depends on.
 */
export function cronProblem(text: string): string | undefined {
  const expression = text.trim();
  const fields = expression.split(/\s+/);
  const alias = expression.startsWith('@');
  if (!alias && fields.length !== 5 && fields.length !== 6)
    return `has ${String(fields.length)} field${fields.length === 1 ? '' : 's'}; expected ${cronHint}`;
  const reason = parseError(expression);
  if (reason === undefined) return undefined;
  if (alias) return `unknown alias ${expression}; expected ${cronHint}`;
  const blamed = culprits(fields, fields.length === 6 ? sixFields : fiveFields);
  const where = blamed.length === 0 ? '' : `${blamed.join(' with ')}: `;
  return `${where}${readable(reason)}`;
}

/** True when BullMQ can schedule `text` (see `cronProblem`). */
export const isCronExpression = (text: string): boolean => cronProblem(text) === undefined;
