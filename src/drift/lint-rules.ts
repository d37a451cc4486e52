import { isMap, scalar, toKeyMap, toList, type YamlMap } from './compose/merge-helpers.js';
import type { FluxRule } from './cluster/flux-lint-rules.js';
import { toImageRef } from './model.js';

/** Stable rule ids (they leave the process in JSON). */
export type LintRule =
  | 'valid-yaml'
  | 'no-version'
  | 'pinned-image'
  | 'healthcheck'
  | 'traefik-labels'
  | 'proxy-network'
  | 'env-sample'
  | FluxRule;

/** One finding of `/drift lint`: where, which rule, what is wrong and how to fix it. */
export interface LintFinding {
  readonly stack: string;
  readonly service: string | null;
  readonly rule: LintRule;
  readonly message: string;
  readonly fix: string;
  /** Repo-relative file and 1-based line (Flux findings). */
  readonly file?: string;
  readonly line?: number;
  /** How to silence the rule where it is intended (every finding). */
  readonly silence?: string;
  /** Why the rule applies here (what made the service subject to it). */
  readonly why?: string;
}

/** What the repo says beyond one service: Traefik's global network, images known to have a healthcheck. */
export interface RuleContext {
  /** Traefik's `providers.docker.network` and where it is set; absent when Traefik sets none. */
  readonly traefikNetwork?: { readonly network: string; readonly source: string } | undefined;
  /** Image repositories (`qmcgaw/gluetun`) whose image defines a healthcheck. */
  readonly imagesWithHealthcheck?: ReadonlySet<string>;
}

/** The network Traefik-exposed services join: Traefik's global one, else `proxy`. */
const proxyName = (ctx: RuleContext): string => ctx.traefikNetwork?.network ?? 'proxy';

type Found = Omit<LintFinding, 'stack' | 'service'>;

/** Image must carry an explicit tag other than `latest` (or a digest). Templated tags are skipped. */
export function checkImage(svc: YamlMap): Found[] {
  if (svc.image === undefined) return [];
  const image = scalar(svc.image);
  if (image.includes('$')) return [];
  const ref = toImageRef(image);
  const name = image.split('@')[0] ?? image;
  const tagged = name.lastIndexOf(':') > name.lastIndexOf('/');
  if (ref.digest !== '' || (tagged && ref.tag !== 'latest')) return [];
  const what = tagged ? 'uses the `latest` tag' : 'has no tag';
  return [
    {
      rule: 'pinned-image',
      message: `image \`${image}\` ${what}`,
      fix: `pin a version, e.g. \`${ref.repo.replace(/^docker\.io\/(library\/)?/, '')}:<version>\``,
    },
  ];
}

/**
 * Long-running services (a restart policy other than "no") declare a healthcheck, unless their
 * image provides one (read from the image on a host, or listed in `imagesWithHealthcheck`).
 */
export function checkHealthcheck(svc: YamlMap, ctx: RuleContext = {}): Found[] {
  const restart = svc.restart === undefined ? 'no' : scalar(svc.restart);
  if (restart === 'no' || svc.healthcheck !== undefined) return [];
  const image = svc.image === undefined ? undefined : scalar(svc.image);
  if (image !== undefined && ctx.imagesWithHealthcheck?.has(imageRepo(image)) === true) return [];
  return [
    {
      rule: 'healthcheck',
      message: `long-running service (restart: ${restart}) has no healthcheck`,
      why: `it restarts (${restart}) but neither the service nor its image${image === undefined ? '' : ` \`${image}\``} (as far as known) defines a healthcheck`,
      fix: 'add a `healthcheck:` block (test, interval, timeout, retries), or `healthcheck: { disable: true }` if intended; if the image has its own, list it under `imagesWithHealthcheck:` in .homelab-bot-lint.yml',
    },
  ];
}

/** `lscr.io/linuxserver/sonarr:4.0.9` → `lscr.io/linuxserver/sonarr`; Docker Hub names without `docker.io/`. */
export const imageRepo = (image: string): string => toImageRef(image).repo.replace(/^docker\.io\/(library\/)?/, '');

/** Labels of a service as a map (list `k=v` or mapping form). */
export const labelsOf = (svc: YamlMap): Record<string, string | null> => toKeyMap(svc.labels);

/**
 * A service with any `traefik.*` label is HTTP-exposed: it needs the full Traefik v3 label set.
 * `traefik.docker.network` is not needed when Traefik sets `providers.docker.network` globally;
 * a service port is not needed when every router serves Traefik's own `api@internal`.
 */
export function checkTraefik(svc: YamlMap, name: string, ctx: RuleContext = {}): Found[] {
  const labels = labelsOf(svc);
  const keys = Object.keys(labels);
  const exposedBy = keys.find((k) => k.startsWith('traefik.'));
  if (exposedBy === undefined) return [];
  const has = (re: RegExp): boolean => keys.some((k) => re.test(k) && (labels[k] ?? '') !== '');
  const routerServices = keys.filter((k) => /^traefik\.http\.routers\.[^.]+\.service$/.test(k)).map((k) => labels[k]);
  const internalOnly = routerServices.length > 0 && routerServices.every((s) => s?.endsWith('@internal') === true);
  const network = proxyName(ctx);
  const missing = [
    labels['traefik.enable'] === 'true' ? null : 'traefik.enable=true',
    has(/^traefik\.http\.routers\.[^.]+\.rule$/) ? null : `traefik.http.routers.${name}.rule=Host(\`${name}.example\`)`,
    has(/^traefik\.http\.routers\.[^.]+\.entrypoints$/) ? null : `traefik.http.routers.${name}.entrypoints=websecure`,
    internalOnly || has(/^traefik\.http\.services\.[^.]+\.loadbalancer\.server\.port$/)
      ? null
      : `traefik.http.services.${name}.loadbalancer.server.port=<port>`,
    ctx.traefikNetwork !== undefined || labels['traefik.docker.network'] === network
      ? null
      : `traefik.docker.network=${network}`,
  ].filter((m): m is string => m !== null);
  return missing.map((label) => {
    const key = label.split('=')[0] ?? label;
    const why =
      key === 'traefik.docker.network'
        ? `it has Traefik labels (\`${exposedBy}\`) and Traefik sets no global \`providers.docker.network\` (no \`--providers.docker.network\` in its command, environment or static config), so Traefik may pick any of the container's networks`
        : `it has Traefik labels (\`${exposedBy}\`), so Traefik routes to it`;
    return {
      rule: 'traefik-labels' as const,
      message: `HTTP-exposed service lacks \`${key}\``,
      why,
      fix: `add the label \`${label}\``,
    };
  });
}

/** Networks a service joins (list or mapping form). */
export const networksOf = (svc: YamlMap): string[] =>
  isMap(svc.networks) ? Object.keys(svc.networks) : toList(svc.networks).map(scalar);

/**
 * Services on the proxy network (Traefik's global `providers.docker.network`, else `proxy`) or
 * Traefik-exposed need that network, declared external at the top level.
 */
export function checkProxyNetwork(svc: YamlMap, networks: YamlMap, ctx: RuleContext = {}): Found[] {
  const network = proxyName(ctx);
  const exposed = Object.keys(labelsOf(svc)).some((k) => k.startsWith('traefik.'));
  const joins = networksOf(svc).includes(network);
  // A service sharing another's network stack (`network_mode: service:vpn`) cannot join networks.
  if ((!exposed && !joins) || svc.network_mode !== undefined) return [];
  const where =
    ctx.traefikNetwork === undefined ? 'the default proxy network' : `Traefik's network (${ctx.traefikNetwork.source})`;
  if (!joins)
    return [
      {
        rule: 'proxy-network',
        message: `Traefik-exposed service is not on the \`${network}\` network`,
        why: `it has Traefik labels and \`${network}\` is ${where}`,
        fix: `add \`networks: [${network}]\` to the service`,
      },
    ];
  const declared = networks[network];
  const external = isMap(declared) && (declared.external === true || scalar(declared.external) === 'true');
  return external
    ? []
    : [
        {
          rule: 'proxy-network',
          message: `network \`${network}\` is not declared external`,
          why: `the service joins \`${network}\`, ${where}, which other stacks share`,
          fix: `declare \`networks: { ${network}: { external: true } }\` at the top level`,
        },
      ];
}

/** Variables referenced as `$NAME` / `${NAME…}` (not `$$` escapes) in compose text. */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<!\$)\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (m[1] !== undefined) names.add(m[1]);
  return [...names].sort();
}
