import { defineFeature } from '../define-feature.js';
import { statusJobs, statusRetry } from './jobs.js';
import { ping } from './ping.js';
import { pingAck } from './ping-ack.js';
import { status } from './status.js';
import { statusProcessors } from './status-processors.js';
import { systemPing } from './system-ping.js';
import { systemPingAck } from './system-ping-ack.js';

/** `/ping` (with its Acknowledge button) and `/status`. */
export const statusFeature = defineFeature({
  name: 'status',
  commands: [ping, status],
  actions: [pingAck],
  jobs: statusJobs,
  retry: statusRetry,
  wire: (ctx) => ({
    'system.ping': systemPing,
    'system.ping-ack': systemPingAck,
    ...statusProcessors(ctx.config, ctx.adapters.forge),
  }),
});
