import { z } from 'zod';
import { defineCommand } from '../define-command.js';

/**
 * `/drift lint`: checks the compose stacks of the configured branch against the house rules
 * (pinned tags, healthchecks, Traefik labels, proxy network, `.env.sample`). Operator only.
 */
export const driftLint = defineCommand({
  command: 'drift',
  subcommand: 'lint',
  description: 'Lint the compose stacks in git (tags, healthchecks, Traefik labels, .env.sample)',
  role: 'operator',
  job: 'drift.lint',
  options: z.object({}),
});
