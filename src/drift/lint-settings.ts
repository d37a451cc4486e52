import { readdir, readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { isMap, scalar, toKeyMap, toList, type YamlMap } from './compose/merge-helpers.js';
import { parseComposeYaml } from './compose/parse-yaml.js';
import { imageRepo, type LintRule } from './lint-rules.js';

/** The per-repo lint config at the repo root (documented in the README). */
export const LINT_CONFIG_FILE = '.homelab-bot-lint.yml';

/** One `ignore:` entry: a rule, optionally narrowed to a stack and a service. */
export interface LintIgnore {
  readonly rule: string;
  readonly stack?: string;
  readonly service?: string;
}

/** What the repo tells the lint beyond the compose files. */
export interface LintSettings {
  /** `limits.composeFileSize`: a bigger compose file is refused as a finding naming it. */
  readonly maxComposeBytes?: number | undefined;
  /** Rules switched off repo-wide (`rules: { env-sample: off }`). */
  readonly off: ReadonlySet<string>;
  readonly ignore: readonly LintIgnore[];
  /** Image repositories whose image defines a healthcheck (`imagesWithHealthcheck:`, plus the hosts' images). */
  readonly imagesWithHealthcheck: ReadonlySet<string>;
  /** Traefik's global `providers.docker.network`, and where it was read. */
  readonly traefikNetwork?: { readonly network: string; readonly source: string };
  /** Problems of the lint config itself (shown as findings). */
  readonly problems: readonly string[];
}

const read = (path: string): Promise<string | undefined> => readFile(path, 'utf8').catch(() => undefined);

/** Reads `.homelab-bot-lint.yml` (absent: no settings); a malformed file is a problem, not a crash. */
async function readLintConfig(
  repoDir: string,
): Promise<Pick<LintSettings, 'off' | 'ignore' | 'imagesWithHealthcheck' | 'problems'>> {
  const text = await read(posix.join(repoDir, LINT_CONFIG_FILE));
  const empty = { off: new Set<string>(), ignore: [], imagesWithHealthcheck: new Set<string>(), problems: [] };
  if (text === undefined) return empty;
  const parsed = parseComposeYaml(text);
  if (!parsed.ok)
    return {
      ...empty,
      problems: [`${LINT_CONFIG_FILE}:${parsed.line}:${parsed.col}: not valid YAML: ${parsed.message}`],
    };
  const doc = isMap(parsed.value) ? parsed.value : {};
  const problems: string[] = [];
  const known = new Set(['rules', 'ignore', 'imagesWithHealthcheck']);
  for (const key of Object.keys(doc))
    if (!known.has(key))
      problems.push(`${LINT_CONFIG_FILE}: unknown key \`${key}\` (accepted: rules, ignore, imagesWithHealthcheck)`);
  const rules = isMap(doc.rules) ? doc.rules : {};
  const off = new Set(
    Object.entries(rules)
      .filter(([, v]) => v === false || scalar(v) === 'off')
      .map(([k]) => k),
  );
  const ignore = toList(doc.ignore).flatMap((entry): LintIgnore[] => {
    if (!isMap(entry) || entry.rule === undefined) {
      problems.push(`${LINT_CONFIG_FILE}: each \`ignore:\` entry needs a \`rule:\` (and optionally stack:, service:)`);
      return [];
    }
    return [
      {
        rule: scalar(entry.rule),
        ...(entry.stack === undefined ? {} : { stack: scalar(entry.stack) }),
        ...(entry.service === undefined ? {} : { service: scalar(entry.service) }),
      },
    ];
  });
  const images = new Set(toList(doc.imagesWithHealthcheck).map((i) => imageRepo(scalar(i))));
  return { off, ignore, imagesWithHealthcheck: images, problems };
}

const NETWORK_FLAG = /^--providers\.docker\.network(?:=(.+))?$/;

/** `--providers.docker.network=proxy` (or `… proxy` as the next argument) in a command/args list. */
function networkInArgs(args: readonly string[]): string | undefined {
  for (const [i, arg] of args.entries()) {
    const m = NETWORK_FLAG.exec(arg.trim());
    if (m !== null) return m[1] ?? args[i + 1];
  }
  return undefined;
}

const argsOf = (v: unknown): string[] =>
  typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : toList(v).map((a) => scalar(a));

/** `providers.docker.network` of a Traefik static config file (YAML, or TOML's `[providers.docker]`). */
function networkInStaticConfig(file: string, text: string): string | undefined {
  if (file.endsWith('.toml')) {
    const section = /\[providers\.docker\]([^[]*)/.exec(text)?.[1] ?? '';
    return /^\s*network\s*=\s*["']?([\w.-]+)["']?/m.exec(section)?.[1];
  }
  const parsed = parseComposeYaml(text);
  if (!parsed.ok || !isMap(parsed.value)) return undefined;
  const providers = parsed.value.providers;
  const docker = isMap(providers) ? providers.docker : undefined;
  return isMap(docker) && docker.network !== undefined ? scalar(docker.network) : undefined;
}

/** Static config files a Traefik service mounts from its stack folder (`./traefik.yml:/etc/traefik/traefik.yml`). */
function mountedConfigs(svc: YamlMap): string[] {
  return toList(svc.volumes)
    .map((v) => (isMap(v) ? scalar(v.source) : scalar(v).split(':')[0]))
    .filter((src): src is string => src !== undefined && src.startsWith('.') && /\.(ya?ml|toml)$/.test(src));
}

/** Where one Traefik service sets its global Docker network: command/args, environment, labels, static file. */
async function traefikNetworkOf(
  stackDir: string,
  stack: string,
  name: string,
  svc: YamlMap,
): Promise<{ network: string; source: string } | undefined> {
  const where = `${stack}/${name}`;
  const fromArgs = networkInArgs([...argsOf(svc.command), ...argsOf(svc.entrypoint)]);
  if (fromArgs !== undefined) return { network: fromArgs, source: `${where} command` };
  const env = toKeyMap(svc.environment)['TRAEFIK_PROVIDERS_DOCKER_NETWORK'];
  if (env != null && env !== '') return { network: env, source: `${where} environment` };
  const labels = toKeyMap(svc.labels);
  const label = Object.keys(labels).find((k) => /(^|\.)providers\.docker\.network$/.test(k));
  if (label !== undefined && (labels[label] ?? '') !== '')
    return { network: labels[label] ?? '', source: `${where} label ${label}` };
  const files = [...mountedConfigs(svc), 'traefik.yml', 'traefik.yaml', 'traefik.toml'];
  for (const file of [...new Set(files.map((f) => posix.normalize(f)))]) {
    const text = await read(posix.join(stackDir, file));
    const network = text === undefined ? undefined : networkInStaticConfig(file, text);
    if (network !== undefined) return { network, source: `${stack}/${file}` };
  }
  return undefined;
}

const BASE = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'];

/** The first Traefik service in the repo's stacks that sets `providers.docker.network`. */
async function findTraefikNetwork(
  repoDir: string,
  stacksDir: string,
  stacks: readonly string[],
): Promise<{ network: string; source: string } | undefined> {
  for (const stack of stacks) {
    const dir = posix.join(repoDir, stacksDir, stack);
    const files = (await readdir(dir).catch(() => [])).filter((f) => BASE.includes(f));
    for (const file of files) {
      const parsed = parseComposeYaml((await read(posix.join(dir, file))) ?? '');
      const services = parsed.ok && isMap(parsed.value) && isMap(parsed.value.services) ? parsed.value.services : {};
      for (const [name, svc] of Object.entries(services)) {
        if (!isMap(svc) || !/(^|\/)traefik$/.test(imageRepo(scalar(svc.image ?? '')))) continue;
        const found = await traefikNetworkOf(dir, stack, name, svc);
        if (found !== undefined) return found;
      }
    }
  }
  return undefined;
}

/**
 * The repo's lint settings: its `.homelab-bot-lint.yml`, Traefik's global Docker network (read from
 * the Traefik service's command, environment, labels or static config file) and the images known
 * to carry a healthcheck (`imagesWithHealthcheck`, plus `hostImages` read from the hosts).
 */
export async function readLintSettings(
  repoDir: string,
  stacksDir: string,
  stacks: readonly string[],
  hostImages: ReadonlySet<string> = new Set(),
): Promise<LintSettings> {
  const config = await readLintConfig(repoDir);
  const traefikNetwork = await findTraefikNetwork(repoDir, stacksDir, stacks);
  return {
    ...config,
    imagesWithHealthcheck: new Set([...config.imagesWithHealthcheck, ...[...hostImages].map(imageRepo)]),
    ...(traefikNetwork === undefined ? {} : { traefikNetwork }),
  };
}

/** Whether the lint config silences `rule` for this stack/service. */
export function isSilenced(settings: LintSettings, rule: LintRule, stack: string, service: string | null): boolean {
  if (settings.off.has(rule)) return true;
  return settings.ignore.some(
    (i) =>
      i.rule === rule &&
      (i.stack === undefined || i.stack === stack) &&
      (i.service === undefined || i.service === (service ?? '')),
  );
}

/** How to silence one finding, as shown next to it. */
export const silenceHint = (rule: LintRule, stack: string, service: string | null): string =>
  `to silence: add \`- { rule: ${rule}, stack: ${stack}${service === null ? '' : `, service: ${service}`} }\` under \`ignore:\` in ${LINT_CONFIG_FILE} (or \`rules: { ${rule}: off }\` for the whole repo)`;
