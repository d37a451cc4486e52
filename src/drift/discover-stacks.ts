import { readdir, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { parse, YAMLParseError } from 'yaml';

/** The part of a configured host that stack assignment needs (config `hosts[]`). */
export interface HostTarget {
  readonly name: string;
  readonly endpoint: string;
  /** Fallback when the repo has no `stack-targets.yml`. */
  readonly stacks?: readonly string[] | undefined;
}

/** `stack-targets.yml`: stack → endpoint(s), or the parser's error position. */
export type StackTargets =
  | { readonly ok: true; readonly targets: ReadonlyMap<string, readonly string[]> }
  | { readonly ok: false; readonly line: number; readonly col: number; readonly message: string };

/** Stacks found in the repo and which host runs which, with problems worth telling the operator. */
export interface StackDiscovery {
  readonly stacks: readonly string[];
  readonly assignments: ReadonlyMap<string, readonly string[]>;
  readonly source: 'stack-targets' | 'config';
  readonly warnings: readonly string[];
}

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'];
const TARGET_FILES = ['stack-targets.yml', 'stack-targets.yaml'];

/** Directories under `<repo>/<stacksDir>` that hold a compose file, sorted. */
export async function discoverStacks(repoDir: string, stacksDir = 'stacks'): Promise<string[]> {
  const root = posix.join(repoDir, stacksDir);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const stacks: string[] = [];
  for (const e of entries.filter((d) => d.isDirectory())) {
    const files = await readdir(posix.join(root, e.name)).catch(() => [] as string[]);
    if (files.some((f) => COMPOSE_FILES.includes(f))) stacks.push(e.name);
  }
  return stacks.sort();
}

/** Parses `stack: endpoint` or `stack: [endpoint, …]`, optionally under a top-level `targets:` key. */
export function parseStackTargets(text: string): StackTargets {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const pos = error.linePos?.[0];
    return { ok: false, line: pos?.line ?? 0, col: pos?.col ?? 0, message: error.message.split('\n')[0] ?? '' };
  }
  const root = doc !== null && typeof doc === 'object' && 'targets' in doc ? doc.targets : doc;
  const targets = new Map<string, string[]>();
  if (root === null || root === undefined) return { ok: true, targets };
  if (typeof root !== 'object' || Array.isArray(root))
    return { ok: false, line: 1, col: 1, message: 'expected a mapping of stack → endpoint' };
  for (const [stack, value] of Object.entries(root as Record<string, unknown>)) {
    const list = Array.isArray(value) ? value : [value];
    targets.set(
      stack,
      list.filter((v): v is string => typeof v === 'string'),
    );
  }
  return { ok: true, targets };
}

/** Host → stacks, from the targets file when present, else from each host's configured `stacks`. */
export function assignStacks(
  stacks: readonly string[],
  targets: ReadonlyMap<string, readonly string[]> | null,
  hosts: readonly HostTarget[],
): { assignments: Map<string, string[]>; warnings: string[] } {
  const assignments = new Map<string, string[]>(hosts.map((h) => [h.name, []]));
  const warnings: string[] = [];
  const declared = targets ?? new Map(hosts.flatMap((h) => (h.stacks ?? []).map((s) => [s, [h.endpoint]] as const)));
  const merged = new Map<string, string[]>();
  for (const [stack, endpoints] of declared) merged.set(stack, [...(merged.get(stack) ?? []), ...endpoints]);
  for (const [stack, endpoints] of merged) {
    if (!stacks.includes(stack)) warnings.push(`stack "${stack}" is assigned but has no compose file in the repo`);
    for (const endpoint of endpoints) {
      const matching = hosts.filter((h) => h.endpoint === endpoint);
      if (matching.length === 0)
        warnings.push(`stack "${stack}" targets endpoint "${endpoint}", which no configured host has`);
      for (const h of matching) assignments.get(h.name)?.push(stack);
    }
  }
  return { assignments, warnings };
}

/**
 * Override files `docker-compose.<name>.yml` whose `<name>` is no configured host's endpoint: they
 * are never applied (usually a typo or a renamed endpoint). `override` is Compose's own file.
 */
export async function unmatchedOverrides(
  repoDir: string,
  stacksDir: string,
  stacks: readonly string[],
  hosts: readonly HostTarget[],
): Promise<string[]> {
  if (hosts.length === 0) return [];
  const endpoints = [...new Set(hosts.map((h) => h.endpoint))].sort();
  const warnings: string[] = [];
  for (const stack of stacks) {
    const files = await readdir(posix.join(repoDir, stacksDir, stack)).catch(() => [] as string[]);
    for (const file of files.sort()) {
      const name = /^(?:docker-)?compose\.([^.]+)\.ya?ml$/.exec(file)?.[1];
      if (name === undefined || name === 'override' || endpoints.includes(name)) continue;
      warnings.push(
        `${stacksDir}/${stack}/${file} matches no configured host's endpoint (${endpoints.join(', ')}), so no audit applies it`,
      );
    }
  }
  return warnings;
}

/** Discovers the repo's stacks and assigns them to hosts (issue step 2). */
export async function discoverRepo(
  repoDir: string,
  hosts: readonly HostTarget[],
  stacksDir = 'stacks',
): Promise<StackDiscovery> {
  const found = await discoverRepoTargets(repoDir, hosts, stacksDir);
  const overrides = await unmatchedOverrides(repoDir, stacksDir, found.stacks, hosts);
  return { ...found, warnings: [...found.warnings, ...overrides] };
}

async function discoverRepoTargets(
  repoDir: string,
  hosts: readonly HostTarget[],
  stacksDir: string,
): Promise<StackDiscovery> {
  const stacks = await discoverStacks(repoDir, stacksDir);
  for (const dir of [repoDir, posix.join(repoDir, stacksDir)]) {
    for (const name of TARGET_FILES) {
      const text = await readFile(posix.join(dir, name), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const parsed = parseStackTargets(text);
      if (!parsed.ok) {
        const warning = `${name}:${parsed.line}:${parsed.col}: ${parsed.message}; using the config's host stacks`;
        return { stacks, source: 'config', ...withWarning(assignStacks(stacks, null, hosts), warning) };
      }
      return { stacks, source: 'stack-targets', ...assignStacks(stacks, parsed.targets, hosts) };
    }
  }
  return { stacks, source: 'config', ...assignStacks(stacks, null, hosts) };
}

const withWarning = (r: { assignments: Map<string, string[]>; warnings: string[] }, w: string): typeof r => ({
  ...r,
  warnings: [w, ...r.warnings],
});
