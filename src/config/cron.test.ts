import { describe, expect, it } from 'vitest';
import { cronProblem, isCronExpression } from './cron.js';

describe('cronProblem (cron-parser, as BullMQ schedules it)', () => {
  it.each(['0 7 * * *', '*/15 * * * *', '0 0 7 * * MON-FRI', '0 3 1,15 * 0', '@daily', '@weekly', '0 7 29 2 *'])(
    'accepts %j',
    (text) => {
      expect(cronProblem(text)).toBeUndefined();
      expect(isCronExpression(text)).toBe(true);
    },
  );

  it.each([
    ['0 7 * * FOO', /day-of-week "FOO": cannot resolve alias "foo"/],
    ['0 7 31 2 *', /day-of-month "31" with month "2": no such date ever occurs/],
    ['0 0 31 4,6 *', /no such date ever occurs/],
    ['0 24 * * *', /hour "24": got value 24 expected range 0-23/],
    ['60 * * * *', /minute "60"/],
    ['0 7 * *', /has 4 fields; expected a cron expression with 5 or 6 fields/],
    ['0 0 0 7 * * *', /has 7 fields/],
    ['every day', /has 2 fields/],
    ['@sometimes', /unknown alias @sometimes/],
  ])('refuses %j naming the field and the reason', (text, reason) => {
    expect(cronProblem(text)).toMatch(reason);
    expect(isCronExpression(text)).toBe(false);
  });
});
