import { z } from 'zod';
import { platformSchema } from '../chat/platform.js';

/** Who asked, by immutable platform id (never a token or a display name used for auth). */
export const requesterSchema = z.object({
  platform: platformSchema,
  id: z.string().min(1),
  name: z.string().optional(),
});

/**
 * The payload of a command's job: the run it reports into, who asked, and the validated command
 * options. Payloads hold ids and options only, never secrets (workers read credentials from their
 * own config).
 */
export const commandJob = <O extends z.ZodObject>(options: O) =>
  z.object({ runId: z.string().min(1), requester: requesterSchema, options }).strict();

/** Button/select jobs also carry the action id and the payload stored with the action. */
export const actionJob = <P extends z.ZodObject>(payload: P) =>
  z
    .object({
      runId: z.string().min(1),
      requester: requesterSchema,
      actionId: z.string().min(1),
      payload,
      /** A select menu's chosen option values (buttons carry none). */
      values: z.array(z.string()).max(25).optional(),
    })
    .strict();
