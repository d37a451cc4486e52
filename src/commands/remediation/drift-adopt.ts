import { z } from 'zod';
import { defineAction, defineCommand } from '../define-command.js';

/**
 * `/drift adopt <container> <stack> [host]`: opens a PR that adds an unmanaged container to a stack
 * as a compose service generated from its inspect data, with an Approve button (operator only).
 */
export const driftAdopt = defineCommand({
  command: 'drift',
  subcommand: 'adopt',
  description: 'Open a PR that adds an unmanaged container to a stack',
  role: 'operator',
  job: 'drift.adopt',
  options: z.object({
    container: z.string().min(1).describe('The unmanaged container (its running name)'),
    stack: z.string().min(1).describe('The stack to add it to (a folder under stacks/, new or existing)'),
    host: z.string().optional().describe('The host it runs on (when several hosts have one of that name)'),
  }),
  dedupeBy: ['container', 'stack', 'host'],
});

/** The "Adopt" button under an unmanaged container in an audit thread (same work as `/drift adopt`). */
export const driftAdoptButton = defineAction({
  kind: 'drift.adopt-container',
  description: 'Open a PR that adds an unmanaged container to a stack',
  role: 'operator',
  job: 'drift.adopt-container',
  singleUse: true,
  payload: z.object({ host: z.string(), container: z.string(), stack: z.string() }),
});
