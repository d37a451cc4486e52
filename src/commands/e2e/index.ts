import { defineFeature } from '../define-feature.js';
import { e2e } from './e2e.js';
import { e2eProcessors } from './e2e-processors.js';
import { e2eJobs, e2eRetry } from './jobs.js';

/** `/e2e`: the media pipeline end to end, parked between polls. */
export const e2eFeature = defineFeature({
  name: 'e2e',
  commands: [e2e],
  actions: [],
  jobs: e2eJobs,
  retry: e2eRetry,
  wire: (ctx) => e2eProcessors(ctx.config, ctx.stores.qbtLoginGate),
});
