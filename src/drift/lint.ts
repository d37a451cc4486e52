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
  type RuleContext,
} from './lint-rules.js';
import { isSilenced, LINT_CONFIG_FILE, readLintSettings, silenceHint, type LintSettings } from './lint-settings.js';

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

function lintServices(stack: string, doc: YamlMap, ctx: RuleContext): LintFinding[] {
  const services = isMap(doc.services) ? doc.services : {};
  const networks = isMap(doc.networks) ? doc.networks : {};
  return Object.entries(services).flatMap(([name, svc]) => {
    if (!isMap(svc)) return [];
    const found = [
      ...checkImage(svc),
      ...checkHealthcheck(svc, ctx),
      ...checkTraefik(svc, name, ctx),
      ...checkProxyNetwork(svc, networks, ctx),
    ];
    return found.map((f) => ({ stack, service: name, ...f }));
  });
}

const noSettings: LintSettings = { off: new Set(), ignore: [], imagesWithHealthcheck: new Set(), problems: [] };

/**
 * Lints one stack folder: every compose file for `version:`, the base file's services, `.env.sample`.
 * `settings` (the repo's lint config, Traefik's global network) silence findings and relax rules;
 * each finding that remains says how to silence it.
 */
export async function lintStack(stackDir: string, settings: LintSettings = noSettings): Promise<LintFinding[]> {
  const found = await lintStackRaw(stackDir, settings);
  return found
    .filter((f) => !isSilenced(settings, f.rule, f.stack, f.service))
    .map((f) => ({ ...f, silence: f.silence ?? silenceHint(f.rule, f.stack, f.service) }));
}

async function lintStackRaw(stackDir: string, settings: LintSettings): Promise<LintFinding[]> {
  const stack = posix.basename(stackDir);
  const files = (await readdir(stackDir)).filter(isComposeFile).sort();
  const findings: LintFinding[] = [];
  const texts: string[] = [];
  for (const file of files) {
    const text = (await read(posix.join(stackDir, file))) ?? '';
    texts.push(text);
    const parsed = parseComposeYaml(
      text,
      settings.maxComposeBytes === undefined ? {} : { maxBytes: settings.maxComposeBytes },
    );
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
    if (BASE.includes(file)) findings.push(...lintServices(stack, doc, settings));
  }
  return [...findings, ...lintEnvSample(stack, await read(posix.join(stackDir, '.env.sample')), texts)];
}

/**
 * `/drift lint` (FR-2.5) over a snapshot of the apps repo: pure apart from reading files.
 * Findings are ordered by stack, then as found. `hostImages`: image repositories a host says
 * define a healthcheck (read from the image config when a host is reachable).
 */
export async function lintRepo(
  repoDir: string,
  stacksDir = 'stacks',
  hostImages: ReadonlySet<string> = new Set(),
  maxComposeBytes?: number,
): Promise<LintFinding[]> {
  const stacks = await discoverStacks(repoDir, stacksDir);
  const settings = { ...(await readLintSettings(repoDir, stacksDir, stacks, hostImages)), maxComposeBytes };
  const problems = settings.problems.map((message): LintFinding => ({
    stack: LINT_CONFIG_FILE,
    service: null,
    rule: 'valid-yaml',
    message,
    fix: `fix ${LINT_CONFIG_FILE} (keys: rules, ignore, imagesWithHealthcheck; see the README)`,
  }));
  const all = await Promise.all(stacks.map((s) => lintStack(posix.join(repoDir, stacksDir, s), settings)));
  return [...problems, ...all.flat()];
}

/** Every image named by the repo's compose files (for asking the hosts which ones carry a healthcheck). */
export async function composeImages(repoDir: string, stacksDir = 'stacks'): Promise<string[]> {
  const images = new Set<string>();
  for (const stack of await discoverStacks(repoDir, stacksDir)) {
    const dir = posix.join(repoDir, stacksDir, stack);
    for (const file of (await readdir(dir)).filter((f) => BASE.includes(f))) {
      const parsed = parseComposeYaml((await read(posix.join(dir, file))) ?? '');
      const services = parsed.ok && isMap(parsed.value) && isMap(parsed.value.services) ? parsed.value.services : {};
      for (const svc of Object.values(services))
        if (isMap(svc) && typeof svc.image === 'string' && !svc.image.includes('$')) images.add(svc.image);
    }
  }
  return [...images].sort();
}
