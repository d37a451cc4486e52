import type { E2eConfig, E2eStepId } from '../config/schema.js';
import type { E2eServices } from './e2e-services.js';
import type { E2eFacts } from './e2e-state.js';

/** One poll of a step: finished, still waiting (counts against its timeout), or failed for good. */
export type Poll =
  | { readonly kind: 'done'; readonly note: string; readonly facts?: Partial<E2eFacts> }
  | {
      readonly kind: 'wait';
      readonly seen: string;
      readonly facts?: Partial<E2eFacts>;
      /** Poll again at once (state had to be saved first). */ readonly soon?: boolean;
    }
  | { readonly kind: 'fail'; readonly seen: string; readonly suggestion: string };

/** What a step sees. */
export interface StepScope {
  readonly services: E2eServices;
  readonly facts: E2eFacts;
  readonly config: E2eConfig;
}

/** One hop of the media pipeline. */
export interface E2eStep {
  readonly id: E2eStepId;
  /** The hop as people name it, e.g. "Radarr searched via Prowlarr and grabbed a release". */
  readonly label: string;
  /** The condition that ends the step, for failure messages. */
  expected(scope: StepScope): string;
  poll(scope: StepScope): Promise<Poll>;
  /** A fix suggestion once the step timed out, from what the services report now. */
  diagnose(scope: StepScope, seen: string): Promise<string>;
}

export const done = (note: string, facts?: Partial<E2eFacts>): Poll => ({
  kind: 'done',
  note,
  ...(facts === undefined ? {} : { facts }),
});
export const wait = (seen: string, facts?: Partial<E2eFacts>): Poll => ({
  kind: 'wait',
  seen,
  ...(facts === undefined ? {} : { facts }),
});
export const fail = (seen: string, suggestion: string): Poll => ({ kind: 'fail', seen, suggestion });

/** `facts.x` that an earlier step must have set (a programming error otherwise). */
export function need<K extends keyof E2eFacts>(facts: E2eFacts, key: K): NonNullable<E2eFacts[K]> {
  const value = facts[key];
  if (value === undefined) throw new Error(`e2e: ${key} missing (step order)`);
  return value;
}

/** Paths compared without trailing slashes. */
export const samePath = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
export const isUnder = (path: string, folder: string): boolean => path.startsWith(`${folder.replace(/\/+$/, '')}/`);

/** Radarr `/health` messages from the given sources, joined; empty when none. */
export async function radarrHealth(scope: StepScope, sources: RegExp): Promise<string> {
  const items = await scope.services.radarr.health().catch(() => []);
  return items
    .filter((h) => sources.test(h.source ?? '') && h.message !== undefined)
    .map((h) => `Radarr health: ${h.message ?? ''}`)
    .join(' ');
}
