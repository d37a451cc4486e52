import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { docker01Stacks } from './fixture-stacks-docker01.js';
import { media01Stacks } from './fixture-stacks-media01.js';
import type { FixtureStack } from './fixture-stack.js';

/** A stack of `count` plain services on one endpoint (for benchmarks with many containers). */
function bulkStack(endpoint: string, count: number): FixtureStack {
  const names = Array.from({ length: count }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`);
  const services = names
    .map(
      (n) => `  ${n}:
    image: busybox:1.36.1
    restart: unless-stopped
    environment:
      - INSTANCE=${n}
    labels:
      - homelab.bulk=true
`,
    )
    .join('');
  return {
    name: `bulk-${endpoint}`,
    endpoint,
    services: names,
    portVars: [],
    hostEnv: () => ({}),
    files: { 'docker-compose.yml': `services:\n${services}`, '.env.sample': '' },
  };
}

/** All stacks of the fixture repo; bulk stacks only when `extraPerHost > 0`. */
export function fixtureStacks(extraPerHost = 0): FixtureStack[] {
  const bulk = extraPerHost > 0 ? [bulkStack('docker01', extraPerHost), bulkStack('media01', extraPerHost)] : [];
  return [...docker01Stacks, ...media01Stacks, ...bulk];
}

function readme(stacks: readonly FixtureStack[]): string {
  const rows = stacks.flatMap((s) => s.services.map((svc) => `| ${s.name} | ${svc} | ${s.endpoint} |`));
  return [
    '# apps',
    '',
    'Compose stacks of the homelab, one folder per stack under `stacks/`.',
    'Deployed with `docker compose` (project name = folder name); the real `.env` lives on the host only.',
    '',
    '| Stack | Service | Endpoint |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** `stack-targets.yml`: which endpoint runs each stack. */
export const stackTargetsYaml = (stacks: readonly FixtureStack[]): string =>
  `# stack → endpoint (selects docker-compose.<endpoint>.yml)\n${stacks.map((s) => `${s.name}: ${s.endpoint}\n`).join('')}`;

/** Files of the fixture apps repo, path (relative to the repo root) → content. */
export function fixtureAppsFiles(stacks: readonly FixtureStack[]): Record<string, string> {
  const files: Record<string, string> = {
    'README.md': readme(stacks),
    'stack-targets.yml': stackTargetsYaml(stacks),
    '.gitignore': '.env\n',
  };
  for (const s of stacks) {
    for (const [rel, content] of Object.entries(s.files)) files[`stacks/${s.name}/${rel}`] = content;
  }
  return files;
}

/** Writes `files` below `root`, creating directories. */
export async function writeFiles(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(`${root}/${rel}`), { recursive: true });
    await writeFile(`${root}/${rel}`, content);
  }
}
