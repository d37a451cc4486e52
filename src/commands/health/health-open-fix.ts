import { z } from 'zod';
import { defineAction } from '../define-command.js';

/**
 * The "Open fix PR" button under a /health finding that has a compose fix (FR-4.1): opens a PR
 * in the apps repo that sets one field of one service (a volume, `network_mode`, or an
 * environment entry written as `${VAR}`). Never carries a secret value.
 */
export const healthOpenFix = defineAction({
  kind: 'health.open-fix',
  description: 'Open a PR with the compose change a health check proposes',
  role: 'operator',
  job: 'health.open-fix',
  singleUse: true,
  payload: z.object({
    stack: z.string().min(1),
    service: z.string().min(1),
    /** `volumes`, `network_mode` or `environment.<KEY>`. */
    field: z.string().min(1),
    value: z.string().min(1),
    reason: z.string(),
  }),
});
