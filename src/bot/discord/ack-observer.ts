import type { Logger } from '../../log.js';
import type { AckFailure, AckObserver } from './raw-ack.js';

/** Counts ack retries and lost acks (`homelab_discord_acks_total{event,reason}` in /metrics). */
export interface AckMetrics {
  ackEvent(event: 'retried' | 'lost', reason: AckFailure): void;
}

/** A log line and a metric for every retried and every lost interaction ack. */
export function ackObserver(log: Logger, metrics?: AckMetrics): AckObserver {
  return {
    retried(reason, attempt) {
      log.warn({ reason, attempt }, 'interaction ack retried on a fresh connection');
      metrics?.ackEvent('retried', reason);
    },
    lost(reason, detail) {
      log.error({ reason, detail }, 'interaction ack lost: the user sees "This interaction failed"');
      metrics?.ackEvent('lost', reason);
    },
  };
}
