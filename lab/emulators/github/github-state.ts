/** One pull request the emulator holds (head/base shas are read live from the bare repo while open). */
export interface StoredPull {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly head: string;
  readonly base: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergeSha: string | null;
  /** Head and base as of the merge (GitHub keeps them on a merged PR). */
  frozenHeadSha?: string;
  frozenBaseSha?: string;
  mergedAt: string | null;
  readonly labels: string[];
  readonly comments: StoredComment[];
  readonly createdAt: string;
  updatedAt: string;
  /** `head..base` pair mergeability was last computed for; a new pair reads `null` once. */
  mergeableFor?: string;
  /** Extra `mergeable: null` reads still owed (fault injection). */
  nullReads: number;
}

export interface StoredComment {
  readonly id: number;
  readonly body: string;
  readonly createdAt: string;
}

export interface StoredLabel {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
}

/** A queued fault for the next API requests matching `route` (`METHOD /template`, or any). */
export interface Fault {
  readonly kind: 'primary-rate-limit' | 'secondary-rate-limit' | 'server-error';
  readonly status: number;
  readonly route?: string | undefined;
  /** For rate limits: seconds in `retry-after` / until `x-ratelimit-reset`. */
  readonly waitSeconds: number;
  remaining: number;
}

/** Everything mutable of one emulated repository. */
export interface GitHubState {
  readonly owner: string;
  readonly repo: string;
  readonly pulls: Map<number, StoredPull>;
  readonly labels: Map<string, StoredLabel>;
  readonly faults: Fault[];
  /** `true`: the first read after open/push reports `mergeable: null` (GitHub's background job). */
  lazyMergeable: boolean;
  nextNumber: number;
  nextId: number;
}

export const createGitHubState = (owner: string, repo: string): GitHubState => ({
  owner,
  repo,
  pulls: new Map(),
  labels: new Map(),
  faults: [],
  lazyMergeable: true,
  nextNumber: 1,
  nextId: 1000,
});

/** Takes the first pending fault that applies to `route`, if any. */
export function takeFault(state: GitHubState, route: string): Fault | undefined {
  const fault = state.faults.find((f) => f.remaining > 0 && (f.route === undefined || f.route === route));
  if (fault === undefined) return undefined;
  fault.remaining -= 1;
  if (fault.remaining === 0) state.faults.splice(state.faults.indexOf(fault), 1);
  return fault;
}

/** Finds the label (case-insensitive, like GitHub) or creates it. */
export function ensureLabel(state: GitHubState, name: string): StoredLabel {
  const existing = state.labels.get(name.toLowerCase());
  if (existing !== undefined) return existing;
  const label = { id: state.nextId++, name, color: 'ededed', description: null };
  state.labels.set(name.toLowerCase(), label);
  return label;
}
