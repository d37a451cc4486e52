import type { HealthStore } from '../store/health-store.js';
import type { CheckStatus } from './metrics.js';

/** The cached last health run's statuses per check id, for the check gauge (undefined: never ran). */
export async function lastCheckResults(store: Pick<HealthStore, 'last'>): Promise<CheckStatus[] | undefined> {
  const run = await store.last();
  return run?.outcomes.map((o) => ({ name: o.id, status: o.status }));
}
