import { flattenModel } from '../flatten.js';
import { loadStack } from '../load-stack.js';

/** How the host renders the stack: its `.env` text and project dir (binds resolve against it). */
export interface RenderOn {
  readonly stackDir: string;
  readonly endpoint: string | null;
  readonly hostEnv?: string | undefined;
  readonly projectDir?: string | undefined;
}

/** Every service of the stack, flattened (`path → value`), as compose would render it on the host. */
export type Rendered = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Renders the stack's files as they are on disk now (interpolation, `$$`, merges, aliases, override). */
export async function renderStack(on: RenderOn, extraEnv = ''): Promise<Rendered | string> {
  const loaded = await loadStack({
    stackDir: on.stackDir,
    endpoint: on.endpoint,
    ...(on.projectDir === undefined ? {} : { projectDir: on.projectDir }),
    ...(on.hostEnv === undefined ? { extraEnv } : { hostEnv: `${on.hostEnv}\n${extraEnv}` }),
  });
  if (!loaded.ok) return `${loaded.file}: ${loaded.message}`;
  return new Map(loaded.services.map((s) => [s.service, flattenModel(s.model, s.model.image.digest !== '')]));
}

/** What a write-back must achieve: each path renders its running value (`null`: absent; `undefined`: any). */
export type Wanted = ReadonlyMap<string, string | null | undefined>;

const shown = (v: string | undefined): string => (v === undefined ? '(absent)' : `\`${v}\``);

/**
 * The invariant of every write-back: in `after`, the service's wanted paths render their running
 * values, and everything else (other keys, other services) renders exactly as in `before`.
 * Returns why it does not hold, or undefined.
 */
export function checkWriteBack(before: Rendered, after: Rendered, service: string, wanted: Wanted): string | undefined {
  for (const [name, old] of before) {
    const now = after.get(name);
    if (now === undefined) return `service ${name} would no longer render`;
    for (const path of new Set([...old.keys(), ...now.keys()])) {
      const want = name === service && wanted.has(path) ? wanted.get(path) : old.get(path);
      if (name === service && wanted.has(path) && want === undefined) continue;
      const got = now.get(path);
      if ((want ?? undefined) !== got) {
        return name === service && wanted.has(path)
          ? `\`${path}\` would render ${shown(got)}, not the running ${shown(want ?? undefined)}`
          : `the edit would also change \`${path}\` of ${name} (${shown(old.get(path))} → ${shown(got)})`;
      }
    }
  }
  return undefined;
}
