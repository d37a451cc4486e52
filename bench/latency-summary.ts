import type { BurstResult } from './discord-emulator-child.js';

/** The value at percentile `p` (nearest rank) of ascending `sorted`. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Printable lines: percentiles, max, p99 against the target, misses and spec violations. */
export function summarize(result: BurstResult, count: number, targetMs: number): string[] {
  const sorted = [...result.ackMs].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
  const types = [...new Set(result.callbackTypes)].join(',');
  const lines = [
    `ack latency over ${count} concurrent slash commands (callback type ${types}; emulator in a child process)`,
    `p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`,
    `p99 / ${targetMs} ms = ${(p99 / targetMs).toFixed(2)} ${p99 < targetMs ? '(within target)' : '(over target)'}`,
  ];
  if (result.failures.length > 0)
    lines.push(
      `${result.failures.length} of ${count} got no ack within Discord's 3 s window: ${result.failures[0] ?? ''}`,
    );
  if (result.violations.length > 0) lines.push(`spec violations: ${result.violations.join('\n')}`);
  return lines;
}
