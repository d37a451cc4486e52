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
  /** How to silence the rule where it is intended (Flux findings). */
  readonly silence?: string;
}

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

/** Long-running services (restart policy other than "no", or none at all) declare a healthcheck. */
export function checkHealthcheck(svc: YamlMap): Found[] {
  const restart = svc.restart === undefined ? 'no' : scalar(svc.restart);
  if (restart === 'no' || svc.healthcheck !== undefined) return [];
  return [
    {
      rule: 'healthcheck',
      message: `long-running service (restart: ${restart}) has no healthcheck`,
      fix: 'add a `healthcheck:` block (test, interval, timeout, retries), or `healthcheck: { disable: true }` if intended',
    },
  ];
}

/** Labels of a service as a map (list `k=v` or mapping form). */
export const labelsOf = (svc: YamlMap): Record<string, string | null> => toKeyMap(svc.labels);

/** A service with any `traefik.*` label is HTTP-exposed: it needs the full Traefik v3 label set. */
export function checkTraefik(svc: YamlMap, name: string): Found[] {
  const labels = labelsOf(svc);
  const keys = Object.keys(labels);
  if (!keys.some((k) => k.startsWith('traefik.'))) return [];
  const has = (re: RegExp): boolean => keys.some((k) => re.test(k) && (labels[k] ?? '') !== '');
  const missing = [
    labels['traefik.enable'] === 'true' ? null : 'traefik.enable=true',
    has(/^traefik\.http\.routers\.[^.]+\.rule$/) ? null : `traefik.http.routers.${name}.rule=Host(\`${name}.example\`)`,
    has(/^traefik\.http\.routers\.[^.]+\.entrypoints$/) ? null : `traefik.http.routers.${name}.entrypoints=websecure`,
    has(/^traefik\.http\.services\.[^.]+\.loadbalancer\.server\.port$/)
      ? null
      : `traefik.http.services.${name}.loadbalancer.server.port=<port>`,
    labels['traefik.docker.network'] === 'proxy' ? null : 'traefik.docker.network=proxy',
  ].filter((m): m is string => m !== null);
  return missing.map((label) => ({
    rule: 'traefik-labels' as const,
    message: `HTTP-exposed service lacks \`${label.split('=')[0] ?? label}\``,
    fix: `add the label \`${label}\``,
  }));
}

/** Networks a service joins (list or mapping form). */
export const networksOf = (svc: YamlMap): string[] =>
  isMap(svc.networks) ? Object.keys(svc.networks) : toList(svc.networks).map(scalar);

/** Services on the `proxy` network (or Traefik-exposed) need `proxy` declared external at the top level. */
export function checkProxyNetwork(svc: YamlMap, networks: YamlMap): Found[] {
  const exposed = Object.keys(labelsOf(svc)).some((k) => k.startsWith('traefik.'));
  const joins = networksOf(svc).includes('proxy');
  if (!exposed && !joins) return [];
  if (!joins)
    return [
      {
        rule: 'proxy-network',
        message: 'Traefik-exposed service is not on the `proxy` network',
        fix: 'add `networks: [proxy]` to the service',
      },
    ];
  const proxy = networks.proxy;
  const external = isMap(proxy) && (proxy.external === true || scalar(proxy.external) === 'true');
  return external
    ? []
    : [
        {
          rule: 'proxy-network',
          message: 'network `proxy` is not declared external',
          fix: 'declare `networks: { proxy: { external: true } }` at the top level',
        },
      ];
}

/** Variables referenced as `$NAME` / `${NAME…}` (not `$$` escapes) in compose text. */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<!\$)\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (m[1] !== undefined) names.add(m[1]);
  return [...names].sort();
}
