import type { ObservedContainer } from './model.js';
import type { DriftItem } from './drift-item.js';

/** Filters of one audit (`/drift audit [host] [stack]`). */
export interface AuditOptions {
  readonly host?: string | undefined;
  readonly stack?: string | undefined;
}

/** How one configured host fared; `error` is a precise, secret-free message when it could not be audited. */
export interface HostStatus {
  readonly name: string;
  readonly reachable: boolean;
  readonly error?: string;
  /** Stable error code (`host-unreachable`, `host-key-mismatch`, …) when known. */
  readonly code?: string;
}

/**
 * Both sides of one drifted service, flattened (`path → display value`) and already masked:
 * `expected` is the compose model as in git (null for an unmanaged container), `actual` as running
 * (null when the container is missing). Feeds the per-service unified diff.
 */
export interface ServiceSides {
  readonly host: string;
  readonly stack: string;
  readonly service: string;
  readonly expected: Readonly<Record<string, string>> | null;
  readonly actual: Readonly<Record<string, string>> | null;
}

/**
 * The JSON report of one audit (issue FR-1.5 shape) plus a few extras. Every value in it is
 * masked: it may be printed, attached and logged as is.
 */
export interface AuditReport {
  readonly generatedAt: string;
  readonly commit: string;
  readonly hosts: readonly HostStatus[];
  readonly items: readonly DriftItem[];
  readonly durationMs: number;
  /** Expected services compared on reachable hosts. */
  readonly servicesAudited: number;
  /** Repo problems worth telling (bad `stack-targets.yml`, stacks assigned to no endpoint). */
  readonly warnings: readonly string[];
}

/** An audit's report and the per-service sides for diffs (kept out of the JSON). */
export interface AuditResult {
  readonly report: AuditReport;
  readonly sides: readonly ServiceSides[];
  /**
   * `host/stack` → the host `.env` text and project dir used to render the stack (kept out of the
   * JSON: the env holds secrets). Remediation renders the stack the same way.
   */
  readonly stackHosts?: ReadonlyMap<string, { readonly hostEnv?: string; readonly projectDir?: string }>;
  /**
   * Host name → its containers as inspected, unmasked (kept out of the JSON): remediation reads a
   * running value git already holds as a literal, adoption generates a service from one.
   */
  readonly observed?: ReadonlyMap<string, readonly ObservedContainer[]>;
}

/** `host/stack/service` key of an item or a side (stale stacks have no host, unparseable no service). */
export const serviceKey = (x: {
  readonly host: string;
  readonly stack: string;
  readonly service: string | null;
}): string => `${x.host}/${x.stack}/${x.service ?? ''}`;

/** Distinct drifted services (items with a service), in first-seen order. */
export function driftedServices(items: readonly DriftItem[]): string[] {
  return [...new Set(items.filter((i) => i.service !== null).map(serviceKey))];
}
