/** `d` truncated to its UTC minute: commits dated with it are identical when a job is retried. */
export const utcMinute = (d: Date): Date => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

const pad = (n: number): string => String(n).padStart(2, '0');

/** `yyyymmddhhmm` (UTC), the suffix of fix branches. */
export const minuteStamp = (d: Date): string =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
