import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { discoverRepo, type HostTarget } from '../discover-stacks.js';
import { loadStack } from '../load-stack.js';
import { displayTemplate } from '../template.js';
import { shortRepo } from './edit-service.js';

/** What the docs refresh needs to know besides the repo. */
export interface RepoDocsInput {
  readonly repoDir: string;
  readonly stacksDir: string;
  readonly hosts: readonly HostTarget[];
  /** The audit these docs describe. */
  readonly auditedAt: Date;
  readonly commit: string;
}

const read = (path: string): Promise<string | undefined> =>
  readFile(path, 'utf8').then(
    (t) => t,
    () => undefined,
  );

/** `Last audit: 2026-11-25 (0123456789ab)`. */
export const lastAuditLine = (input: Pick<RepoDocsInput, 'auditedAt' | 'commit'>): string =>
  `Last audit: ${input.auditedAt.toISOString().slice(0, 10)} (${input.commit.slice(0, 12)})`;

/** Rows `| service | stack | host | image:tag |` for every service each host runs, per the repo. */
export async function serviceRows(input: RepoDocsInput): Promise<string[]> {
  const repo = await discoverRepo(input.repoDir, input.hosts, input.stacksDir);
  const rows: string[] = [];
  for (const host of input.hosts) {
    for (const stack of repo.assignments.get(host.name) ?? []) {
      const loaded = await loadStack({
        stackDir: join(input.repoDir, input.stacksDir, stack),
        endpoint: host.endpoint,
        useEnvSample: true,
      });
      if (!loaded.ok) continue;
      for (const svc of loaded.services) {
        const image = displayTemplate(`${shortRepo(svc.model.image.repo)}:${svc.model.image.tag}`);
        rows.push(`| ${svc.service} | ${stack} | ${host.name} | \`${image}\` |`);
      }
    }
  }
  return rows.sort();
}

const isTableHeader = (line: string): boolean => line.startsWith('|') && /service/i.test(line) && /stack/i.test(line);

/** Replaces the README's service table (the first table with Service and Stack columns) and its "Last audit" line. */
export function rewriteReadme(text: string, rows: readonly string[], last: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex(isTableHeader);
  if (start === -1) return text;
  let end = start;
  while (end < lines.length && (lines[end] ?? '').startsWith('|')) end++;
  const table = ['| Service | Stack | Host | Image tag |', '|---|---|---|---|', ...rows];
  const rest = lines.slice(end).filter((l) => !l.startsWith('Last audit: '));
  const tail = rest[0] === '' ? rest.slice(1) : rest;
  return [...lines.slice(0, start), ...table, '', last, '', ...tail].join('\n').replace(/\n{3,}$/, '\n');
}

/** Puts `# Last audit: …` as the first line of `stack-targets.yml` (replacing an older one). */
export const rewriteTargets = (text: string, last: string): string =>
  `# ${last}\n${text
    .split('\n')
    .filter((l) => !l.startsWith('# Last audit: '))
    .join('\n')}`;

/**
 * Regenerates the apps repo's README service table and `stack-targets.yml` header when the files
 * exist (FR-2.6). Returns the files it changed, relative to the repo.
 */
export async function refreshRepoDocs(input: RepoDocsInput): Promise<string[]> {
  const changed: string[] = [];
  const last = lastAuditLine(input);
  const readme = await read(join(input.repoDir, 'README.md'));
  if (readme !== undefined) {
    const next = rewriteReadme(readme, await serviceRows(input), last);
    if (next !== readme) {
      await writeFile(join(input.repoDir, 'README.md'), next);
      changed.push('README.md');
    }
  }
  const targets = await read(join(input.repoDir, 'stack-targets.yml'));
  if (targets !== undefined) {
    const next = rewriteTargets(targets, last);
    if (next !== targets) {
      await writeFile(join(input.repoDir, 'stack-targets.yml'), next);
      changed.push('stack-targets.yml');
    }
  }
  return changed;
}
