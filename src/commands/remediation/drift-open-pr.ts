import { z } from 'zod';
import { defineAction } from '../define-command.js';

/** The "Open PR" button under a drifted service in an audit thread (same work as `/drift fix`). */
export const driftOpenPr = defineAction({
  kind: 'drift.open-pr',
  description: 'Open a remediation PR for one drifted service',
  role: 'operator',
  job: 'drift.open-pr',
  singleUse: true,
  payload: z.object({ host: z.string(), stack: z.string(), service: z.string() }),
});
