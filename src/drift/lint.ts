import { readdir, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { parseDotenv } from './compose/dotenv.js';
import { isMap, type YamlMap } from './compose/merge-helpers.js';
import { parseComposeYaml } from './compose/parse-yaml.js';
import { discoverStacks } from './discover-stacks.js';
import {
  checkHealthcheck,
  checkImage,
  checkProxyNetwork,
  checkTraefik,
  referencedVariables,
  type LintFinding,
} from './lint-rules.js';

export type { LintFinding, LintRule } from './lint-rules.js';

const BASE = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'];
const isComposeFile = (f: string): boolean => BASE.includes(f) || /^docker-compose\.[^.]+\.ya?ml$/.test(f);
const read = (path: string): Promise<string | undefined> => readFile(path, 'utf8').catch(() => undefined);

function lintEnvSample(stack: string, sample: string | undefined, texts: readonly string[]): LintFinding[] {
  if (sample === undefined) {
    return [
      {
        stack,
        service: null,
        rule: 'env-sample',
        message: '`.env.sample` is missing',
        fix: 'add `.env.sample` listing every variable the compose files use, with placeholder values',
      },
    ];
  }
  const listed = parseDotenv(sample).values;
  return referencedVariables(texts.join('\n'))
    .filter((v) => !listed.has(v) && v !== 'COMPOSE_PROJECT_NAME')
    .map((v) => ({
      stack,
      service: null,
      rule: 'env-sample' as const,
      message: `variable \`${v}\` is used but not listed in \`.env.sample\``,
      fix: `add \`${v}=<placeholder>\` to \`.env.sample\``,
    }));
}

function lintServices(stack: string, doc: YamlMap): LintFinding[] {
  const services = isMap(doc.services) ? doc.services : {};
  const networks = isMap(doc.networks) ? doc.networks : {};
  return Object.entries(services).flatMap(([name, svc]) => {
    if (!isMap(svc)) return [];
    const found = [
      ...checkImage(svc),
      ...checkHealthcheck(svc),
      ...checkTraefik(svc, name),
      ...checkProxyNetwork(svc, networks),
    ];
    return found.map((f) => ({ stack, service: name, ...f }));
  });
}

/** Lints one stack folder: every compose file for `version:`, the base file's services, `.env.sample`. */
export async function lintStack(stackDir: string, maxComposeBytes?: number): Promise<LintFinding[]> {
  const stack = posix.basename(stackDir);
  const files = (await readdir(stackDir)).filter(isComposeFile).sort();
  const findings: LintFinding[] = [];
  const texts: string[] = [];
  for (const file of files) {
    const text = (await read(posix.join(stackDir, file))) ?? '';
    texts.push(text);
    const parsed = parseComposeYaml(text, maxComposeBytes === undefined ? {} : { maxBytes: maxComposeBytes });
    if (!parsed.ok) {
      findings.push({
        stack,
        service: null,
        rule: 'valid-yaml',
        message: `${file}:${parsed.line}:${parsed.col}: not valid YAML: ${parsed.message}`,
        fix: 'fix the YAML syntax',
      });
      continue;
    }
    const doc = isMap(parsed.value) ? parsed.value : {};
    if ('version' in doc)
      findings.push({
        stack,
        service: null,
        rule: 'no-version',
        message: `${file} has a top-level \`version:\` key (obsolete in Compose v2)`,
        fix: 'delete the `version:` line',
      });
    if (BASE.includes(file)) findings.push(...lintServices(stack, doc));
  }
  return [...findings, ...lintEnvSample(stack, await read(posix.join(stackDir, '.env.sample')), texts)];
}

/**
 * `/drift lint` (FR-2.5) over a snapshot of the apps repo: pure apart from reading files.
 * Findings are ordered by stack, then as found.
 */
export async function lintRepo(
  repoDir: string,
  stacksDir = 'stacks',
  maxComposeBytes?: number,
): Promise<LintFinding[]> {
  const stacks = await discoverStacks(repoDir, stacksDir);
  const all = await Promise.all(stacks.map((s) => lintStack(posix.join(repoDir, stacksDir, s), maxComposeBytes)));
  return all.flat();
}
