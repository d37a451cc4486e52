import { readdir, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';

/** One Kubernetes object of a service folder, with a way to find the line of any of its fields. */
export interface Manifest {
  /** Repo-relative file. */
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  /** The object as plain data. */
  readonly obj: Readonly<Record<string, unknown>>;
  /** 1-based line of the node at `path` (or of the nearest existing parent). */
  lineOf(path: readonly (string | number)[]): number;
}

/** A service folder: its files, its objects, parse errors, and the rules its comments silence. */
export interface ServiceFolder {
  /** Repo-relative folder (`apps/whoami`). */
  readonly folder: string;
  readonly service: string;
  readonly files: readonly string[];
  readonly manifests: readonly Manifest[];
  readonly errors: readonly { readonly file: string; readonly line: number; readonly message: string }[];
  /** Rules silenced per file (`*` = the whole service, from kustomization.yaml). */
  readonly ignored: ReadonlyMap<string, ReadonlySet<string>>;
}

/** `# homelab-bot-lint: ignore=rule-a,rule-b` silences those rules for the file it is in. */
export const IGNORE_COMMENT = /#\s*homelab-bot-lint:\s*ignore=([\w,-]+)/g;

function ignoredRules(text: string): Set<string> {
  return new Set([...text.matchAll(IGNORE_COMMENT)].flatMap((m) => (m[1] ?? '').split(',').filter((r) => r !== '')));
}

/** Start offset of a map key (the `key:` line) or of a list item, inside `parent`. */
function keyOffset(parent: unknown, key: string | number | undefined): number | undefined {
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof key === 'number')
    return (parent.items[key] as { range?: [number, number, number] } | undefined)?.range?.[0];
  return undefined;
}

function toManifest(file: string, doc: Document, lines: LineCounter): Manifest | undefined {
  const obj: unknown = doc.toJS();
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  const rec = obj as Record<string, unknown>;
  const meta = rec['metadata'] as { name?: unknown } | undefined;
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let n = path.length; n > 0; n--) {
      const offset = keyOffset(n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true), path[n - 1]);
      if (offset !== undefined) return lines.linePos(offset).line;
    }
    return 1;
  };
  return {
    file,
    kind: typeof rec['kind'] === 'string' ? rec['kind'] : '',
    name: typeof meta?.name === 'string' ? meta.name : '',
    obj: rec,
    lineOf,
  };
}

/** Reads every YAML file of a service folder into objects with line lookups. */
export async function loadServiceFolder(repoDir: string, folder: string): Promise<ServiceFolder> {
  const files = (await readdir(posix.join(repoDir, folder))).sort();
  const manifests: Manifest[] = [];
  const errors: { file: string; line: number; message: string }[] = [];
  const ignored = new Map<string, Set<string>>();
  for (const name of files.filter((f) => /\.ya?ml$/.test(f))) {
    const file = `${folder}/${name}`;
    const text = await readFile(posix.join(repoDir, file), 'utf8');
    ignored.set(name === 'kustomization.yaml' ? '*' : file, ignoredRules(text));
    const lines = new LineCounter();
    for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
      const error = doc.errors[0];
      if (error !== undefined) {
        errors.push({ file, line: lines.linePos(error.pos[0]).line, message: error.message.split('\n')[0] ?? '' });
        continue;
      }
      const m = toManifest(file, doc, lines);
      if (m !== undefined) manifests.push(m);
    }
  }
  return { folder, service: posix.basename(folder), files, manifests, errors, ignored };
}
