import { readFile, writeFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import type { LabHost } from './lab-host.js';

/** A compose service as parsed from YAML (only what the drift helpers touch). */
export type ServiceMap = Record<string, unknown>;

/** Name of the container of `stack`/`service` on `host` (throws when there is none). */
export async function composeContainer(host: LabHost, stack: string, service: string): Promise<string> {
  const result = await host.docker([
    'ps',
    '-a',
    '--format',
    '{{.Names}}',
    '--filter',
    `label=com.docker.compose.project=${stack}`,
    '--filter',
    `label=com.docker.compose.service=${service}`,
  ]);
  const name = result.stdout.trim().split('\n')[0] ?? '';
  if (result.code !== 0 || name === '') throw new Error(`no container for ${stack}/${service} on ${host.name}`);
  return name;
}

/**
 * Edits `service` in the host checkout's `stacks/<stack>/docker-compose.yml` (the drift an
 * operator makes by hand on the host), then recreates only that service with docker-compose so
 * the new container carries real compose labels. Returns what `mutate` returned.
 */
export async function editAndRecreate<T>(
  host: LabHost,
  stack: string,
  service: string,
  mutate: (svc: ServiceMap) => T,
): Promise<T> {
  const file = `${host.checkout}/stacks/${stack}/docker-compose.yml`;
  const doc = parse(await readFile(file, 'utf8')) as { services?: Record<string, ServiceMap> };
  const svc = doc.services?.[service];
  if (svc === undefined) throw new Error(`stack ${stack} has no service ${service}`);
  const result = mutate(svc);
  await writeFile(file, stringify(doc));
  const up = await host.compose(stack, ['up', '-d', '--no-deps', '--no-color', '-t', '1', service]);
  if (up.code !== 0) throw new Error(`docker-compose up ${stack}/${service} failed: ${up.stderr}`);
  return result;
}

/** Reads `key` from a list (`KEY=v` / `key=v`) or map shaped environment/labels block. */
export function getEntry(block: unknown, key: string): string | undefined {
  if (Array.isArray(block)) {
    const hit = block.map(String).find((e) => e.startsWith(`${key}=`));
    return hit?.slice(key.length + 1);
  }
  if (block !== null && typeof block === 'object') {
    return scalar((block as Record<string, unknown>)[key]);
  }
  return undefined;
}

/** Sets `key` in a list or map shaped block; returns the new block. */
export function setEntry(block: unknown, key: string, value: string): unknown {
  if (Array.isArray(block)) {
    const rest = block.map(String).filter((e) => !e.startsWith(`${key}=`));
    return [...rest, `${key}=${value}`];
  }
  const map = block !== null && typeof block === 'object' ? (block as Record<string, unknown>) : {};
  return { ...map, [key]: value };
}

/** A YAML scalar as a string; `undefined` for absent values, JSON for anything structured. */
export function scalar(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
