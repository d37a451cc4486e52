import type { z } from 'zod';
import type { Report } from '../report/report.js';
import type { Processor, ProcessorContext } from './processor.js';
import type { RetryPolicy } from './retry-policy.js';

/** What every job payload carries: the run it reports into, and the clicked action if any. */
export interface RunPayload {
  readonly runId: string;
  readonly actionId?: string | undefined;
}

/** A job kind as the producer sees it: the payload schema and the retry row. */
export interface JobSpec {
  readonly schema: z.ZodType<RunPayload>;
  readonly retry: RetryPolicy;
}

/** Job name → spec; built from the feature registry by the composition roots. */
export type JobSpecs = Readonly<Record<string, JobSpec>>;

/** One validated job, ready to run. */
export interface ParsedJob {
  readonly payload: RunPayload;
  run(context: ProcessorContext): Promise<Report>;
}

/** A job kind paired with its processor; the payload type is checked once, in `bindJob`. */
export interface BoundJob extends JobSpec {
  /** Validates raw job data against the schema; undefined when it does not match. */
  parse(data: unknown): ParsedJob | undefined;
}

/** Job name → bound job: what the worker runs. */
export type JobTable = Readonly<Record<string, BoundJob>>;

/** Pairs a schema with the processor for its payload type (no cast: the types must agree). */
export function bindJob<S extends z.ZodType<RunPayload>>(
  schema: S,
  retry: RetryPolicy,
  processor: Processor<z.output<S>>,
): BoundJob {
  return {
    schema,
    retry,
    parse: (data) => {
      const parsed = schema.safeParse(data);
      if (!parsed.success) return undefined;
      const payload = parsed.data;
      return { payload, run: (context) => processor(payload, context) };
    },
  };
}
