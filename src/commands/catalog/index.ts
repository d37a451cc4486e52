import { defineFeature } from '../define-feature.js';
import { auditConnections } from '../feature-context.js';
import { catalog } from './catalog.js';
import { catalogProcessors, healthLookup } from './catalog-processors.js';
import { catalogJobs, catalogRetry } from './jobs.js';

/** `/catalog`: services, hosts and the media pipeline as a table and a Mermaid diagram. */
export const catalogFeature = defineFeature({
  name: 'catalog',
  commands: [catalog],
  actions: [],
  jobs: catalogJobs,
  retry: catalogRetry,
  wire: (ctx) =>
    catalogProcessors(
      ctx.config,
      ctx.log,
      healthLookup(ctx.stores.healthStore),
      auditConnections(ctx.adapters, ctx.log),
      ctx.cacheDir,
    ),
});
