import type {
  ActionButton,
  ActionStyle,
  MessageRef,
  OutgoingMessage,
  SelectMenu,
  SelectOption,
} from '../chat/chat-port.js';
import type { z } from 'zod';
import type { Role } from '../chat/role.js';
import type { Logger } from '../log.js';
import type { Report } from '../report/report.js';
import type { RunRecord } from '../store/run-store.js';
import type { SystemView } from './system-view.js';

/** What the runtime needs of a button/select definition to store its action record. */
export interface ActionSpec {
  readonly kind: string;
  readonly payload: z.ZodType<Readonly<Record<string, unknown>>>;
  readonly role: Role;
  readonly singleUse: boolean;
}

/** A select menu before its action record exists. */
export interface SelectSpec {
  readonly placeholder: string;
  readonly options: readonly SelectOption[];
  readonly minValues?: number;
  readonly maxValues?: number;
}

/** What a processor may do besides computing its Report. */
export interface ProcessorContext {
  readonly log: Logger;
  readonly run: RunRecord;
  /** 1 on the first try, 2 on the first retry, … */
  readonly attempt: number;
  /** Stores an action record and returns the button (`act:<opaque id>`) for the report. */
  createButton(
    definition: ActionSpec,
    payload: Record<string, unknown>,
    label: string,
    style?: ActionStyle,
  ): Promise<ActionButton>;
  /**
   * Stores an action record for a select menu (`act:<opaque id>`); the chosen option values reach
   * the action's job as `values`. Optional for compatibility with hand-built contexts.
   */
  createSelect?(definition: ActionSpec, payload: Record<string, unknown>, menu: SelectSpec): Promise<SelectMenu>;
  /** Replaces the run's status message text (e.g. "checking 3/7 hosts"). */
  progress(text: string): Promise<void>;
  /**
   * Posts an extra message into the run's thread before the final report (e.g. one per drifted
   * service). Optional for compatibility with hand-built contexts; not deduplicated across retries.
   */
  post?(message: OutgoingMessage): Promise<MessageRef>;
  /** Replaces a message posted earlier with `post` (a live-updated step list). */
  edit?(message: MessageRef, next: OutgoingMessage): Promise<void>;
  /** What the previous run of this job passed to `resumeLater` (undefined on the first run). */
  readonly resumeState?: unknown;
  /**
   * Ends this run without a result: the job is delayed by `delayMs` (not holding a worker slot)
   * and runs again with `resumeState` = `state`, also after a worker restart. Never returns.
   */
  resumeLater?(state: unknown, delayMs: number): never;
  /** The worker itself: version, uptime, queue depth, recent runs. */
  readonly system: SystemView;
}

/**
 * One job kind's work on its validated payload `P`. Must be idempotent (it may run again after a
 * crash); throw `UserError` for failures a retry cannot fix, anything else is retried per the
 * job's retry row.
 */
export type Processor<P> = (payload: P, context: ProcessorContext) => Promise<Report>;
