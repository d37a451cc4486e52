import {
  appendUnique,
  deepMerge,
  isMap,
  isOverride,
  scalar,
  stripSentinels,
  toKeyMap,
  toList,
  type YamlMap,
} from './merge-helpers.js';
import { RESET } from './parse-yaml.js';

type FieldMerge = (base: unknown, over: unknown) => unknown;

const str = scalar;
const replace: FieldMerge = (_b, o) => o;
const keyed =
  (key: (item: unknown) => string): FieldMerge =>
  (b, o) =>
    appendUnique(b, o, key);
const byValue = keyed(str);
const keyMap: FieldMerge = (b, o) => ({ ...toKeyMap(b), ...toKeyMap(o) });
const asMap = (v: unknown): YamlMap => (isMap(v) ? v : Object.fromEntries(toList(v).map((n) => [scalar(n), null])));

/** Port unicity: the whole string for short syntax; `host_ip:published:target/protocol` for long. */
export function portKey(p: unknown): string {
  if (!isMap(p)) return str(p);
  const ip = typeof p.host_ip === 'string' && p.host_ip !== '' ? p.host_ip : '0.0.0.0';
  return `${ip}:${str(p.published ?? '')}:${str(p.target)}/${str(p.protocol ?? 'tcp')}`;
}

/** Volume/device unicity: the target (for short syntax the part after the first `:`). */
export function targetKey(v: unknown): string {
  if (isMap(v)) return str(v.target);
  const parts = str(v).split(':');
  return parts.length === 1 ? (parts[0] ?? '') : (parts[1] ?? '');
}

function mergeLogging(base: unknown, over: unknown): unknown {
  if (!isMap(base) || !isMap(over)) return over;
  const sameDriver = base.driver === undefined || over.driver === undefined || base.driver === over.driver;
  return sameDriver ? deepMerge(base, over) : over;
}

const FIELD_MERGE: Readonly<Record<string, FieldMerge>> = {
  command: replace,
  entrypoint: replace,
  environment: keyMap,
  labels: keyMap,
  annotations: keyMap,
  sysctls: keyMap,
  tmpfs: keyed((t) => str(t).split(':')[0] ?? ''),
  env_file: keyed((e) => (isMap(e) ? str(e.path) : str(e))),
  label_file: byValue,
  dns: byValue,
  dns_opt: byValue,
  dns_search: byValue,
  extra_hosts: byValue,
  ports: keyed(portKey),
  volumes: keyed(targetKey),
  devices: keyed(targetKey),
  cap_add: byValue,
  cap_drop: byValue,
  expose: byValue,
  profiles: byValue,
  links: byValue,
  networks: (b, o) => deepMerge(asMap(b), asMap(o)),
  depends_on: (b, o) => deepMerge(asMap(b), asMap(o)),
  logging: mergeLogging,
  build: (b, o) => deepMerge(typeof b === 'string' ? { context: b } : b, typeof o === 'string' ? { context: o } : o),
  ulimits: (b, o) => ({ ...(isMap(b) ? b : {}), ...(isMap(o) ? o : {}) }),
  // Nested healthcheck fields are scalars except `test`, which is replaced: a shallow merge is exact.
  healthcheck: (b, o) => (isMap(b) && isMap(o) ? { ...b, ...o } : o),
};

/** Merges one service definition of a later file into the earlier one (design §2.4 table). */
export function mergeService(base: YamlMap, over: YamlMap): YamlMap {
  const out = new Map(Object.entries(base));
  for (const [field, value] of Object.entries(over)) {
    const merge = FIELD_MERGE[field];
    const clean = stripSentinels(value);
    if (value === RESET) out.delete(field);
    else if (isOverride(value) || !(field in base)) out.set(field, clean);
    else out.set(field, merge === undefined ? deepMerge(base[field], value) : merge(base[field], clean));
  }
  return Object.fromEntries(out);
}

function mergeServices(base: YamlMap, over: YamlMap): YamlMap {
  const services = new Map(Object.entries(base));
  for (const [name, svc] of Object.entries(over)) {
    const prev = services.get(name);
    if (svc === RESET) services.delete(name);
    else
      services.set(name, isMap(prev) && isMap(svc) && !isOverride(svc) ? mergeService(prev, svc) : stripSentinels(svc));
  }
  return Object.fromEntries(services);
}

/** Merges two whole compose files in `-f` order: services field by field, the rest generically. */
export function mergeCompose(base: YamlMap, over: YamlMap): YamlMap {
  const out = new Map(Object.entries(stripSentinels(base) as YamlMap));
  for (const [key, value] of Object.entries(over)) {
    const prev = out.get(key);
    if (key === 'services' && isMap(value) && isMap(prev)) {
      out.set(key, mergeServices(prev, value));
      continue;
    }
    const merged = prev !== undefined ? deepMerge(prev, value) : stripSentinels(value);
    if (merged === undefined || merged === RESET) out.delete(key);
    else out.set(key, merged);
  }
  return Object.fromEntries(out);
}
