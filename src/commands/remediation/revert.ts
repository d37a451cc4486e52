import { z } from 'zod';
import { defineAction } from '../define-command.js';

/** Revert under a merged remediation PR: `git revert -m 1` of its merge, landed on the target branch. */
export const revert = defineAction({
  kind: 'drift.revert',
  description: 'Revert a merged remediation PR',
  role: 'operator',
  job: 'drift.revert',
  singleUse: true,
  payload: z.object({ pr: z.number().int().positive(), stack: z.string(), service: z.string() }),
});
