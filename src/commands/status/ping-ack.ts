import { z } from 'zod';
import { defineAction } from '../define-command.js';

/** The operator-only, single-use "Acknowledge" button under a ping result. */
export const pingAck = defineAction({
  kind: 'system.ping-ack',
  description: 'Acknowledge a ping result',
  role: 'operator',
  job: 'system.ping-ack',
  singleUse: true,
  payload: z.object({ pingRunId: z.string() }),
});
