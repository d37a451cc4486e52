import { compareService, DEFAULT_IGNORED_LABELS } from './compare.js';
import { classify } from './classify.js';
import type { DriftItem } from './drift-item.js';
import { normalizeProjectName, type LoadedStack } from './load-stack.js';
import type { ExpectedService, ObservedContainer } from './model.js';

/** Everything known about one host for an audit. */
export interface CompareHostInput {
  readonly hostName: string;
  /** Stacks assigned to this host, loaded (or unparseable). */
  readonly expectedStacks: readonly LoadedStack[];
  /** Every container on the host (compose-made or not). */
  readonly observedContainers: readonly ObservedContainer[];
  /** Secret values from config and the host `.env`, masked wherever they appear. */
  readonly knownSecrets?: readonly string[];
  readonly ignoredLabelPrefixes?: readonly string[];
}

const hook = (c: ObservedContainer): boolean => c.oneoff;

/**
 * The containers of a compose service: its compose labels, or (a container started by hand and
 * adopted into git) no compose project and the service's `container_name`.
 */
export const ownedBy = (c: ObservedContainer, svc: ExpectedService): boolean =>
  (c.project === svc.project && c.service === svc.service) ||
  (c.project === null && svc.containerName !== null && c.name === svc.containerName);

function unparseable(host: string, s: Extract<LoadedStack, { ok: false }>): DriftItem {
  const path = `${s.file}:${s.line}:${s.col}`;
  return {
    host,
    stack: s.stack,
    service: null,
    kind: 'unparseable',
    path,
    severity: classify(path, 'unparseable'),
    expected: null,
    actual: s.message,
  };
}

function missing(host: string, svc: ExpectedService): DriftItem {
  return {
    host,
    stack: svc.stack,
    service: svc.service,
    kind: 'missing-container',
    path: '',
    severity: 'breaking',
    expected: 'running',
    actual: null,
  };
}

/** An unmanaged container: its compose service (or, made by hand, its container name) and compose project, if any. */
function unmanaged(host: string, c: ObservedContainer, stack: string): DriftItem {
  return {
    host,
    stack,
    service: c.service ?? c.name,
    kind: 'unmanaged-container',
    path: '',
    severity: classify(c.name, 'unmanaged-container'),
    expected: null,
    actual: c.state,
  };
}

/** Containers of no claimed project, and orphans of a loaded project whose service git no longer has. */
function findUnmanaged(
  host: string,
  live: readonly ObservedContainer[],
  claimed: ReadonlySet<string>,
  services: ReadonlyMap<string, ExpectedService>,
  stacks: readonly LoadedStack[],
): DriftItem[] {
  return live
    .filter((c) => {
      const known = c.project !== null && claimed.has(c.project);
      const loaded = stacks.some((s) => s.ok && s.project === c.project);
      return !known || (loaded && !services.has(`${c.project}/${c.service ?? ''}`));
    })
    .map((c) => unmanaged(host, c, c.project ?? ''));
}

/**
 * Compares one host: missing containers, unmanaged (orphan or hand-made) containers, field
 * differences per container, and unparseable stacks. One bad stack never stops the others.
 */
export function compareHost(input: CompareHostInput): DriftItem[] {
  const host = input.hostName;
  const items: DriftItem[] = [];
  const claimed = new Set<string>();
  const services = new Map<string, ExpectedService>();
  for (const stack of input.expectedStacks) {
    if (!stack.ok) {
      items.push(unparseable(host, stack));
      claimed.add(normalizeProjectName(stack.stack));
      continue;
    }
    claimed.add(stack.project);
    for (const svc of stack.services) services.set(`${svc.project}/${svc.service}`, svc);
  }
  const live = input.observedContainers.filter((c) => !hook(c));
  const bound = new Map<string, Map<string, string>>();
  const adopted = new Set<string>();
  for (const svc of services.values()) {
    const containers = live.filter((c) => ownedBy(c, svc));
    for (const c of containers) adopted.add(c.id);
    if (containers.length === 0) items.push(missing(host, svc));
    const stackBound = bound.get(svc.stack) ?? new Map<string, string>();
    bound.set(svc.stack, stackBound);
    const ctx = {
      host,
      bound: stackBound,
      knownSecrets: input.knownSecrets ?? [],
      ignoredLabelPrefixes: input.ignoredLabelPrefixes ?? DEFAULT_IGNORED_LABELS,
    };
    for (const c of containers) items.push(...compareService(svc, c, ctx));
  }
  const rest = live.filter((c) => !adopted.has(c.id));
  return [...items, ...findUnmanaged(host, rest, claimed, services, input.expectedStacks)];
}

/**
 * Stacks in git that no configured host is assigned (`stack-targets.yml` or config fallback):
 * nothing deploys them.
 */
export function findStaleStacks(
  discovered: readonly string[],
  assigned: ReadonlyMap<string, readonly string[]>,
): DriftItem[] {
  const used = new Set([...assigned.values()].flat());
  return discovered
    .filter((s) => !used.has(s))
    .map((stack) => ({
      host: '',
      stack,
      service: null,
      kind: 'stale-stack' as const,
      path: `stacks/${stack}`,
      severity: classify(stack, 'stale-stack'),
      expected: null,
      actual: null,
    }));
}
