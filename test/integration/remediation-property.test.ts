import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftItem } from '../../src/drift/drift-item.js';
import { backportService } from '../../src/drift/remediate/backport-service.js';
import { hasBinary } from '../../lab/index.js';

const run = promisify(execFile);
const SEED = 0x23_2026;
/** Generated compose files (each with DRIFTS_PER_COMPOSE drift sets); HLB_PROP_COMPOSES overrides for a quick run. */
const COMPOSES = Number(process.env['HLB_PROP_COMPOSES'] ?? 70);
const DRIFTS_PER_COMPOSE = 3;
const CONCURRENCY = 3;
const HOST_ENV = 'APPDATA=/srv/prop\nDOMAIN=home.lan\n';

/** mulberry32: a small seeded PRNG, so every run generates the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

/** Values that trip naive writers: `$`, `#`, `: `, quotes, YAML 1.1 booleans, octal-looking numbers. */
const VALUES = [
  'plain',
  'cost=$5 for $HOME',
  'a # not a comment',
  'key: value',
  'say "hi"',
  "it's",
  'no',
  'yes',
  'on',
  'true',
  '0755',
  'PathRegexp(`^/api/v[0-9]+$`)',
  'x$$y',
  '100%',
  'Europe/Berlin',
];

/** A literal as compose text: `$` escaped, quoted in one of the styles people use. */
function lit(r: Rand, v: string): string {
  const e = v.replace(/\$/g, '$$$$');
  if (/^[A-Za-z][A-Za-z0-9_./-]*$/.test(e) && !/^(y|yes|n|no|on|off|true|false|null)$/i.test(e) && r() < 0.5) return e;
  if (!e.includes("'") && r() < 0.4) return `'${e}'`;
  return JSON.stringify(e);
}

function envBlock(r: Rand, i: number, key: 'environment' | 'labels'): string {
  const anchor = key === 'environment' ? 'env' : 'labels';
  const k = (n: string) => (key === 'environment' ? n : `com.example.${n.toLowerCase()}`);
  const form = pick(r, ['alias', 'merge', 'map', 'list', 'none']);
  if (form === 'none') return '';
  if (form === 'alias') return `    ${key}: *${anchor}\n`;
  if (form === 'merge') return `    ${key}:\n      <<: *${anchor}\n      ${k(`OWN${i}`)}: ${lit(r, pick(r, VALUES))}\n`;
  if (form === 'map')
    return `    ${key}:\n      ${k('A')}: ${lit(r, pick(r, VALUES))} # a\n      ${k('B')}: ${lit(r, pick(r, VALUES))}\n`;
  const item = (n: string) => `      - ${JSON.stringify(`${k(n)}=${pick(r, VALUES).replace(/\$/g, '$$$$')}`)}\n`;
  return `    ${key}:\n${item('A')}${item('B')}`;
}

function volumesBlock(r: Rand, i: number): string {
  const form = pick(r, ['none', 'short', 'short-ro', 'var', 'long', 'long-prop']);
  if (form === 'none') return '';
  if (form === 'short') return `    volumes:\n      - ./d${i}:/d${i}\n`;
  if (form === 'short-ro') return `    volumes:\n      - ./d${i}:/d${i}:ro # read-only\n`;
  if (form === 'var') return `    volumes:\n      - \${APPDATA}/s${i}:/config\n`;
  const prop = form === 'long-prop' ? `        bind:\n          propagation: rslave\n` : '';
  return `    volumes:\n      - type: bind\n        source: ./d${i}\n        target: /d${i}\n${r() < 0.3 ? '        read_only: true\n' : ''}${prop}`;
}

/** One generated stack: anchors shared by several services, every block form, sometimes an override file. */
function generate(r: Rand): { base: string; override?: string } {
  let base = `# generated\nx-env: &env\n  PUID: "1000"\n  TZ: ${lit(r, pick(r, VALUES))} # house tz\n  NOTE: ${lit(r, pick(r, VALUES))}\nx-labels: &labels\n  com.example.team: ${lit(r, pick(r, VALUES))}\n  com.example.tier: "2"\nservices:\n`;
  const count = 2 + Math.floor(r() * 3);
  for (let i = 0; i < count; i++) {
    base += `  s${i}:\n    image: busybox:1.36.1\n`;
    base += envBlock(r, i, 'environment') + envBlock(r, i, 'labels') + volumesBlock(r, i);
    if (r() < 0.4) base += `    restart: ${pick(r, ['unless-stopped', '"no"', 'always'])}\n`;
  }
  if (r() >= 0.3) return { base };
  const override = `services:\n  s0:\n    environment:\n      OVR: ${lit(r, pick(r, VALUES))}\n${r() < 0.5 ? `    labels:\n      - "com.example.ovr=${pick(r, VALUES).replace(/\$/g, '$$$$').replace(/"/g, '\\"')}"\n` : ''}`;
  return { base, override };
}

type Svc = Record<string, unknown> & {
  environment?: Record<string, string | null> | undefined;
  labels?: Record<string, string> | undefined;
  volumes?: unknown[];
  restart?: string;
};
type Rendered = Record<string, Svc>;

/** `docker-compose config` (the real binary) of a stack folder with the host `.env`: services, or the error. */
async function composeConfig(dir: string, override: boolean): Promise<Rendered | string> {
  const files = ['-f', 'docker-compose.yml', ...(override ? ['-f', 'docker-compose.ep.yml'] : [])];
  try {
    const { stdout } = await run('docker-compose', ['-p', 'prop', ...files, 'config'], { cwd: dir });
    return (parse(stdout) as { services: Rendered }).services;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error).trim();
  }
}

const unescape = (v: string): string => v.replace(/\$\$/g, '$');

/** A volume entry as one comparable shape (short and long syntax alike). */
function volumeShape(v: unknown): { target: string; source: string; ro: boolean; rest: string } {
  if (typeof v === 'string') {
    const [source = '', target = '', mode = 'rw'] = v.split(':');
    return { target, source, ro: mode.split(',').includes('ro'), rest: '' };
  }
  const o = v as Record<string, unknown>;
  const { target, source, read_only: ro, type, ...rest } = o;
  return {
    target: String(target),
    source: String(source),
    ro: ro === true,
    rest: `${String(type)} ${JSON.stringify(rest)}`,
  };
}

/** JSON with object keys sorted at every depth (compose's key order is not part of the invariant). */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const normalize = (svcs: Rendered): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(svcs).map(([name, s]) => [
      name,
      { ...s, volumes: (s.volumes ?? []).map(volumeShape).sort((a, b) => a.target.localeCompare(b.target)) },
    ]),
  );

/** 1–3 drift items of one service, from what compose renders (the "running" values differ from it). */
function driftItems(r: Rand, service: string, svc: Svc): DriftItem[] {
  const item = (path: string, expected: string | null, actual: string | null): DriftItem => ({
    host: 'h',
    stack: 'prop',
    service,
    kind: expected === null ? 'added' : actual === null ? 'removed' : 'changed',
    path,
    severity: 'functional',
    expected,
    actual,
  });
  const out = new Map<string, DriftItem>();
  const n = 1 + Math.floor(r() * 3);
  for (let tries = 0; out.size < n && tries < 10; tries++) {
    const what = pick(r, ['env', 'env-add', 'env-remove', 'label', 'label-add', 'label-remove', 'volume', 'restart']);
    const block = what.startsWith('env') ? 'environment' : 'labels';
    const entries = Object.entries((what.startsWith('env') ? svc.environment : svc.labels) ?? {});
    const [key, old] = entries.length === 0 ? [undefined, undefined] : pick(r, entries);
    const value = pick(r, VALUES);
    if (what === 'env-add' || what === 'label-add') {
      const k = what === 'env-add' ? 'NEW_ONE' : 'com.example.new';
      out.set(`${block}.${k}`, item(`${block}.${k}`, null, value));
    } else if ((what === 'env' || what === 'label') && key !== undefined && unescape(String(old)) !== value) {
      out.set(`${block}.${key}`, item(`${block}.${key}`, unescape(String(old)), value));
    } else if ((what === 'env-remove' || what === 'label-remove') && key !== undefined) {
      out.set(`${block}.${key}`, item(`${block}.${key}`, unescape(String(old)), null));
    } else if (what === 'volume' && (svc.volumes ?? []).length > 0) {
      const v = volumeShape(pick(r, svc.volumes ?? []));
      const to = `bind:/srv/prop/new-${Math.floor(r() * 9)}:${v.ro ? 'ro' : 'rw'}`;
      out.set(`volumes[${v.target}]`, item(`volumes[${v.target}]`, `bind:${v.source}:${v.ro ? 'ro' : 'rw'}`, to));
    } else if (what === 'restart') {
      const to = pick(r, ['always', 'unless-stopped', 'on-failure']);
      if (to !== (svc.restart ?? 'no')) out.set('restart', item('restart', svc.restart ?? 'no', to));
    }
  }
  return [...out.values()];
}

/** What compose must render after the write-back: `before` with the applied items set to their running values. */
function expectedAfter(before: Rendered, service: string, applied: readonly DriftItem[]): Rendered {
  const next = structuredClone(before);
  const svc = next[service] as Svc;
  for (const i of applied) {
    const esc = i.actual?.replace(/\$/g, '$$$$') ?? null;
    const m = /^(environment|labels)\.(.*)$/.exec(i.path);
    if (m !== null) {
      const name = m[1] as 'labels';
      const block = new Map(Object.entries((svc[name] ?? {}) as Record<string, string | null>));
      if (esc === null) block.delete(m[2] ?? '');
      else block.set(m[2] ?? '', esc);
      svc[name] = block.size === 0 ? undefined : (Object.fromEntries(block) as Record<string, string>);
    } else if (i.path === 'restart') svc.restart = i.actual ?? 'no';
    else {
      const target = i.path.slice('volumes['.length, -1);
      const source = /^bind:(.*):(ro|rw)$/.exec(i.actual ?? '')?.[1] ?? '';
      svc.volumes = (svc.volumes ?? []).map((v) => {
        const shape = volumeShape(v);
        if (shape.target !== target) return v;
        return typeof v === 'string' ? `${source}:${target}${shape.ro ? ':ro' : ''}` : { ...(v as object), source };
      });
    }
  }
  return next;
}

interface Tally {
  met: number;
  skipped: number;
  broken: string[];
  reasons: Map<string, number>;
}

async function oneCase(root: string, id: string, r: Rand, tally: Tally): Promise<void> {
  const { base, override } = generate(r);
  const dir = join(root, id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'docker-compose.yml'), base);
  if (override !== undefined) await writeFile(join(dir, 'docker-compose.ep.yml'), override);
  await writeFile(join(dir, '.env'), HOST_ENV);
  const before = await composeConfig(dir, override !== undefined);
  if (typeof before === 'string') {
    tally.broken.push(`${id}: the generated file does not load in docker-compose (${before})\n${base}`);
    return;
  }
  for (let d = 0; d < DRIFTS_PER_COMPOSE; d++) {
    const service = pick(r, Object.keys(before));
    const items = driftItems(r, service, before[service] as Svc);
    const work = join(root, `${id}-${d}`);
    await cp(dir, work, { recursive: true });
    const result = await backportService({
      stackDir: work,
      endpoint: override === undefined ? null : 'ep',
      project: 'prop',
      service,
      items,
      hostEnv: HOST_ENV,
      projectDir: work,
    });
    const secretEnv = result.envSampleVars.map(
      (v) => `${v}=${items.find((i) => i.path.endsWith(`.${v}`))?.actual ?? ''}`,
    );
    if (secretEnv.length > 0) await writeFile(join(work, '.env'), `${HOST_ENV}${secretEnv.join('\n')}\n`);
    const rendered = await composeConfig(work, override !== undefined);
    // Relative binds resolve against the copy's folder: judge them as if in the original one.
    const after =
      typeof rendered === 'string'
        ? rendered
        : (JSON.parse(JSON.stringify(rendered).split(`${work}/`).join(`${dir}/`)) as Rendered);
    const applied = items.filter((i) => result.changes.some((c) => c.path === i.path));
    const label = `${id}-${d} ${service} [${items.map((i) => `${i.path}: ${JSON.stringify(i.expected)} → ${JSON.stringify(i.actual)}`).join('; ')}]`;
    const text = await readFile(join(work, 'docker-compose.yml'), 'utf8');
    for (const i of items) {
      const skip = result.skipped.find((s) => s.item === i);
      if (skip !== undefined && skip.reason.trim() !== '') {
        tally.skipped++;
        const key = skip.reason.replace(/`[^`]*`/g, '…').slice(0, 70);
        tally.reasons.set(key, (tally.reasons.get(key) ?? 0) + 1);
      } else if (!applied.includes(i))
        tally.broken.push(`${label}: ${i.path} neither written nor skipped with a reason`);
    }
    if (applied.length === 0) {
      if (text !== base) tally.broken.push(`${label}: nothing reported but the file changed`);
      continue;
    }
    if (result.files.length === 0) tally.broken.push(`${label}: a change reported but no file changed`);
    if (typeof after === 'string') {
      tally.broken.push(`${label}: the written file does not load in docker-compose (${after})\n${text}`);
      continue;
    }
    const want = normalize(expectedAfter(before, service, applied));
    const got = normalize(after);
    if (stable(want) !== stable(got)) {
      tally.broken.push(`${label}: compose renders otherwise\nwant ${stable(want)}\ngot  ${stable(got)}\n${text}`);
      continue;
    }
    tally.met += applied.length;
  }
}

/**
 * Issue #23 "Done when": generated compose files and drift items; every write-back either meets the
 * invariant, judged by the real `docker-compose config` before and after (the drifted fields render
 * their running values, everything else renders as before), or is skipped with a reason.
 */
describe('write-back invariant over generated compose files (real docker-compose config)', () => {
  let root = '';
  beforeAll(async () => {
    if (!(await hasBinary('docker-compose'))) throw new Error('docker-compose is not installed');
    root = await mkdtemp(join(tmpdir(), 'hlb-rm-prop-'));
  });
  afterAll(async () => {
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  it(`meets the invariant or skips with a reason, for ${String(COMPOSES * DRIFTS_PER_COMPOSE)} seeded cases`, async () => {
    const tally: Tally = { met: 0, skipped: 0, broken: [], reasons: new Map() };
    const seeds = Array.from({ length: COMPOSES }, (_, i) => i);
    for (let i = 0; i < seeds.length; i += CONCURRENCY) {
      await Promise.all(
        seeds.slice(i, i + CONCURRENCY).map((n) => oneCase(root, `c${String(n)}`, prng(SEED + n), tally)),
      );
    }
    const reasons = [...tally.reasons].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${String(v)}× ${k}`);
    console.log(
      `write-back invariant (seed ${String(SEED)}): met ${String(tally.met)}, skipped with a reason ${String(tally.skipped)}, broken ${String(tally.broken.length)}\n${reasons.join('\n')}`,
    );
    expect(tally.broken.slice(0, 5)).toEqual([]);
    expect(tally.met).toBeGreaterThan(COMPOSES);
  }, 1_800_000);
});
