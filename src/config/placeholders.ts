import { LineCounter, parseDocument } from 'yaml';
import { formatPath, type ConfigProblem } from './config-problem.js';
import { locate, locateOffset } from './yaml-locate.js';

/** The sample files' fill-me-in values: `replace-me-…`, `xoxb-replace-me`, `github_pat_replace-me`, `changeme`. */
const placeholder = /(^|[-_])replace[-_]?me([-_]|$)|^change[-_]?me$/i;

export const isPlaceholder = (value: string): boolean => placeholder.test(value);

/** Every string leaf of `value` with its key path. */
function leaves(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  return [];
}

/**
 * Values still holding a placeholder from `.env.sample` or `config.example.yaml`, placed on the
 * line of `text` they come from and naming the variable to set. The value itself is never shown.
 */
export function placeholderProblems(text: string, file: string, config: unknown): ConfigProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return leaves(config)
    .filter((leaf) => isPlaceholder(leaf.value))
    .map((leaf) => {
      const offset = locateOffset(doc, leaf.path);
      const source = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
      const variable = /\$\{([A-Za-z_][A-Za-z0-9_]*)/.exec(source)?.[1];
      const where =
        variable === undefined
          ? 'replace it in this file'
          : `set ${variable} to the real value in .env (or the environment)`;
      return {
        file,
        ...locate(doc, lineCounter, leaf.path),
        path: formatPath(leaf.path),
        message: `still the placeholder from the sample files: ${where}`,
      };
    });
}
