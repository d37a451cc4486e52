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

/**
 * "Revert in order" under a refused Revert: reverts the later overlapping PRs and then the one asked
 * for, newest first, as one change (nothing pushed unless all apply cleanly).
 */
export const revertInOrderAction = defineAction({
  kind: 'drift.revert-in-order',
  description: 'Revert several merged remediation PRs, newest first',
  role: 'operator',
  job: 'drift.revert-in-order',
  singleUse: true,
  payload: z.object({
    prs: z.array(z.number().int().positive()).min(2).max(20),
    stack: z.string(),
    service: z.string(),
  }),
});
