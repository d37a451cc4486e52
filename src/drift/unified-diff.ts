export type Op = readonly [' ' | '-' | '+', string];

/** Line edit script by longest common subsequence (O(n·m); service models are a few hundred lines). */
export function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const next = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push([' ', a[i] ?? '']);
      i++;
      j++;
    } else if (i < n && (j === m || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push(['-', a[i++] ?? '']);
    } else {
      ops.push(['+', b[j++] ?? '']);
    }
  }
  return ops;
}

/** Groups changed ops with `context` lines around them into hunks (index ranges into `ops`). */
function hunkRanges(ops: readonly Op[], context: number): [number, number][] {
  const ranges: [number, number][] = [];
  ops.forEach(([kind], k) => {
    if (kind === ' ') return;
    const start = Math.max(0, k - context);
    const end = Math.min(ops.length, k + context + 1);
    const last = ranges.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  });
  return ranges;
}

const span = (start: number, count: number): string => `${count === 0 ? start : start + 1},${count}`;

/**
 * A unified diff (`diff -u` format) of two texts, or `''` when they are equal. Pure and small on
 * purpose: no dependency for a few hundred lines of YAML.
 */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string, context = 3): string {
  const ops = editScript(before === '' ? [] : before.split('\n'), after === '' ? [] : after.split('\n'));
  const ranges = hunkRanges(ops, context);
  if (ranges.length === 0) return '';
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  for (const [start, end] of ranges) {
    const prior = ops.slice(0, start);
    const body = ops.slice(start, end);
    const aStart = prior.filter(([k]) => k !== '+').length;
    const bStart = prior.filter(([k]) => k !== '-').length;
    const aCount = body.filter(([k]) => k !== '+').length;
    const bCount = body.filter(([k]) => k !== '-').length;
    out.push(`@@ -${span(aStart, aCount)} +${span(bStart, bCount)} @@`, ...body.map(([k, line]) => `${k}${line}`));
  }
  return `${out.join('\n')}\n`;
}
