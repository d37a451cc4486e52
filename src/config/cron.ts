/** Allowed numeric range of each cron field, in order, for the 5-field form. */
const fieldRanges: readonly (readonly [number, number])[] = [
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 7], // day of week (0 and 7 are Sunday)
];
const secondsRange = [0, 59] as const;

const fieldPattern = /^[\d*?/,\-A-Za-z#LW]+$/;

/** What a cron expression looks like, for error messages. */
export const cronHint = 'a cron expression with 5 or 6 fields, like "0 7 * * *" (minute hour day month weekday)';

function numbersInRange(field: string, [min, max]: readonly [number, number]): boolean {
  // Names (MON, JAN) and L/W/# modifiers are left to the scheduler; only plain numbers are range-checked.
  const numbers = field.split(/[,\-/]/).filter((part) => /^\d+$/.test(part));
  return numbers.every((part, index) => {
    const value = Number(part);
    const isStep = field.includes('/') && index === numbers.length - 1 && field.endsWith(`/${part}`);
    return isStep ? value >= 1 : value >= min && value <= max;
  });
}

/**
 * True when `text` is a 5-field (`m h dom mon dow`) or 6-field (seconds first) cron expression
 * whose plain numbers are within range. Names and `L`/`W`/`#` modifiers are accepted as written.
 */
export function isCronExpression(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return false;
  const ranges = fields.length === 6 ? [secondsRange, ...fieldRanges] : fieldRanges;
  return fields.every((field, index) => {
    const range = ranges[index];
    return range !== undefined && fieldPattern.test(field) && numbersInRange(field, range);
  });
}
