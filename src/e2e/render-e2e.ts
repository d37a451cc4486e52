import { nameE2e, plexOverseerr, type E2eNames } from './e2e-names.js';
import type { E2eState, StepRecord } from './e2e-state.js';
import { e2eSteps } from './e2e-steps.js';

const icons: Readonly<Record<StepRecord['status'], string>> = {
  pending: '⬜',
  running: '🔄',
  ok: '✅',
  failed: '❌',
  skipped: '⏭️',
};

/** `850 ms`, `12 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatElapsed(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  const s = Math.floor(ms / 1_000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

function stepLine(record: StepRecord, now: number, names: E2eNames): string {
  const label = nameE2e(e2eSteps.find((s) => s.id === record.id)?.label ?? record.id, names);
  const elapsed =
    record.startedAt === undefined ? '' : ` — ${formatElapsed((record.endedAt ?? now) - record.startedAt)}`;
  // Notes can quote service messages; keep the whole list far below chat message limits.
  const note =
    record.note === undefined ? '' : ` (${record.note.length > 200 ? `${record.note.slice(0, 199)}…` : record.note})`;
  return `${icons[record.status]} ${label}${elapsed}${note}`;
}

/** The live step list: one line per hop with status, time spent and what was found/seen. */
export function renderSteps(state: E2eState, now: number, heading: string, names = plexOverseerr): string {
  return [heading, ...state.steps.map((s) => stepLine(s, now, names))].join('\n');
}
