import type { Processors } from '../processor.js';
import { catalogNotWired } from '../../commands/catalog/catalog-show.js';
import { driftNotWired } from './drift-not-wired.js';
import { requestPlaceholders } from '../../commands/requests/media-request-processors.js';
import { requestsListNotWired } from '../../commands/requests/media-requests-list-wiring.js';
import { healthProcessors } from '../../commands/health/health-processors.js';
import { e2eNotWired } from './e2e-not-wired.js';
import { systemPingAck } from '../../commands/status/system-ping-ack.js';
import { systemPing } from '../../commands/status/system-ping.js';
import { systemStatus } from '../../commands/status/system-status.js';

/** Every job's processor, explicitly (the `Processors` type fails when one is missing). */
export const processors: Processors = {
  'system.ping': systemPing,
  'system.ping-ack': systemPingAck,
  'system.status': systemStatus,
  // Replaced by `driftProcessors(config, log)` in the composition root (they need config).
  'drift.audit': driftNotWired('drift.audit'),
  'drift.lint': driftNotWired('drift.lint'),
  // Replaced by `mediaRequestProcessors(config, stores)` in the composition root.
  ...requestPlaceholders,
  // Replaced by `remediationProcessors(…)` in the composition root (they need config and Redis).
  'drift.fix': driftNotWired('drift.fix'),
  'drift.open-pr': driftNotWired('drift.open-pr'),
  'drift.approve': driftNotWired('drift.approve'),
  'drift.revert': driftNotWired('drift.revert'),
  'audit.trail': driftNotWired('audit.trail'),
  // Replaced by `requestsListProcessors(config)` in the composition root (needs media.overseerr).
  'media.requests-list': requestsListNotWired,
  // Without config nothing is configured: /health says so. Replaced by `healthProcessors(config)`.
  ...healthProcessors({ media: undefined }),
  // Replaced by `e2eProcessors(config)` in the composition root.
  'media.e2e': e2eNotWired,
  // Replaced by `catalogProcessors(config, log)` in the composition root.
  'catalog.show': catalogNotWired,
};
