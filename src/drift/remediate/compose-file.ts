import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { keepFormat } from './keep-format.js';

/** Base file names compose looks for, in its order. */
const BASE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'];

/** One compose file opened for editing. */
export interface ComposeFile {
  /** File name inside the stack folder. */
  readonly name: string;
  readonly doc: Document;
  /** The text as read, to tell whether anything changed. */
  readonly original: string;
  /** The text as read, re-printed by the library (matches `original` line by line when it can). */
  readonly normalized: string;
}

const read = (path: string): Promise<string | undefined> =>
  readFile(path, 'utf8').then(
    (t) => t,
    () => undefined,
  );

async function open(stackDir: string, names: readonly string[]): Promise<ComposeFile | undefined> {
  for (const name of names) {
    const text = await read(join(stackDir, name));
    if (text === undefined) continue;
    const doc = parseDocument(text);
    return { name, doc, original: text, normalized: print(doc) };
  }
  return undefined;
}

/** The stack's base file and, with an endpoint, its `docker-compose.<endpoint>.yml` override (when present). */
export async function openComposeFiles(
  stackDir: string,
  endpoint: string | null,
): Promise<{ base: ComposeFile | undefined; override: ComposeFile | undefined }> {
  const base = await open(stackDir, BASE_FILES);
  const override =
    endpoint === null
      ? undefined
      : await open(stackDir, [`docker-compose.${endpoint}.yml`, `docker-compose.${endpoint}.yaml`]);
  return { base, override };
}

/** Prints like people write compose files: no folding, `[a, b]` flow lists. */
const print = (doc: Document): string => doc.toString({ lineWidth: 0, flowCollectionPadding: false });

/** The edited file's text, with the author's formatting on every line the edit did not change. */
export const composeText = (file: ComposeFile): string => keepFormat(file.original, file.normalized, print(file.doc));

/** Writes the file back when its text changed; returns whether it did. */
export async function saveComposeFile(stackDir: string, file: ComposeFile): Promise<boolean> {
  const text = composeText(file);
  if (text === file.original) return false;
  await writeFile(join(stackDir, file.name), text);
  return true;
}
