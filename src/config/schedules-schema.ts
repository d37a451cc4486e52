import { z } from 'zod';
import { cronHint } from './cron.js';
import { durationHint, parseDuration } from './duration.js';
import { cron, duration, evenWithIssues, strictObject, text } from './primitives.js';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** One schedule: either `cron` or `every` (an interval). */
export const scheduleSchema = strictObject({
  /** Cron expression, 5 or 6 fields, e.g. `0 7 * * *`. */
  cron: cron().optional().describe('cron expression'),
  /** Interval such as `6h`. */
  every: duration().optional().describe('interval, e.g. 6h'),
  /** IANA time zone for `cron`, e.g. `Europe/Berlin`; default is the process time zone. */
  timezone: text()
    .refine((value) => typeof value === 'string' && isTimeZone(value), {
      error: 'expected an IANA time zone like Europe/Berlin',
    })
    .optional()
    .describe('time zone for cron'),
})
  .superRefine((schedule, ctx) => {
    if ((schedule.cron === undefined) === (schedule.every === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected exactly one of cron (${cronHint}) or every (${durationHint})`,
      });
    }
  }, evenWithIssues)
  .transform((schedule) => ({
    ...schedule,
    /** `every` in milliseconds, when set. */
    everyMs: schedule.every === undefined ? undefined : parseDuration(schedule.every),
  }));

/** Recurring jobs. A missing entry means the job only runs on demand. */
export const schedulesSchema = strictObject({
  /** Drift audit of every host. */
  driftAudit: scheduleSchema.optional(),
  /** Media stack health run. */
  health: scheduleSchema.optional(),
});

/** A schedule after validation. */
export type ScheduleConfig = z.infer<typeof scheduleSchema>;
/** Schedules after validation. */
export type SchedulesConfig = z.infer<typeof schedulesSchema>;
