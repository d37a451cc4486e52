import { z } from 'zod';
import { platformSchema } from '../chat/platform.js';
import type { E2eStepId } from '../config/schema.js';

/** Pipeline order of the `/e2e` hops. */
export const stepIds = [
  'request',
  'radarrMovie',
  'grab',
  'torrent',
  'download',
  'import',
  'plex',
  'available',
] as const satisfies readonly E2eStepId[];

const stepSchema = z.object({
  id: z.enum(stepIds),
  status: z.enum(['pending', 'running', 'ok', 'failed', 'skipped']),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /** What the step found (done) or last saw (waiting). */
  note: z.string().optional(),
});
export type StepRecord = z.infer<typeof stepSchema>;

/** Ids found along the way, needed by later steps and by the cleanup. */
const factsSchema = z.object({
  title: z.string().optional(),
  requestId: z.number().optional(),
  /** Set (and saved) just before `POST /request`: from then on an existing request is this run's own. */
  requestSent: z.boolean().optional(),
  mediaId: z.number().optional(),
  movieId: z.number().optional(),
  downloadId: z.string().optional(),
  profileId: z.number().optional(),
  rootFolder: z.string().optional(),
  plexRefreshed: z.boolean().optional(),
});
export type E2eFacts = z.infer<typeof factsSchema>;

const failureSchema = z.object({ hop: z.string(), expected: z.string(), seen: z.string(), suggestion: z.string() });
export type E2eFailure = z.infer<typeof failureSchema>;

/** Everything `/e2e` keeps between polls (stored in the job's data while it is parked). */
export const e2eStateSchema = z.object({
  startedAt: z.number(),
  message: z
    .object({ platform: platformSchema, channelId: z.string(), messageId: z.string(), threadId: z.string().optional() })
    .optional(),
  steps: z.array(stepSchema),
  facts: factsSchema,
  failure: failureSchema.optional(),
  cleanedUp: z.array(z.string()).optional(),
});
export type E2eState = z.infer<typeof e2eStateSchema>;

export function initialE2eState(now: number): E2eState {
  return { startedAt: now, steps: stepIds.map((id) => ({ id, status: 'pending' })), facts: {} };
}

/** The saved state, or a fresh one when there is none (first run) or it is unreadable. */
export function toE2eState(saved: unknown, now: number): E2eState {
  const parsed = e2eStateSchema.safeParse(saved);
  return parsed.success ? parsed.data : initialE2eState(now);
}
