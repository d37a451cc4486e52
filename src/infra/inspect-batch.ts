import type { DockerObject } from './docker-host.js';
import { shellQuote, type ExecResult } from './remote-exec.js';

/** Runs one command on the host (bounded by the caller, see `execCollect`). */
export type RunRemote = (command: string) => Promise<ExecResult>;

/** Ids per `docker inspect` command: keeps the command line far below any shell or sshd limit. */
export const inspectBatchSize = 200;

const missing = /^Error(?: response from daemon)?: No such (?:container|image|object): /i;

/** The JSON array `docker inspect` printed, or undefined when stdout is not one. */
function parseArray(stdout: Buffer): DockerObject[] | undefined {
  try {
    const value: unknown = JSON.parse(stdout.toString('utf8'));
    return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
      ? (value as DockerObject[])
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One chunk: `docker -H unix://<socket> <kind> inspect <ids…>`. Containers: every found one is
 * kept, ids gone in between are skipped (docker exits 1 and names each on stderr). Images are
 * matched to the requested names by position, so only a complete answer (exit 0) counts.
 * Undefined when the host's docker CLI cannot answer (not installed, no access to the socket,
 * anything else on stderr): the caller uses the Engine API instead.
 */
async function inspectChunk(
  run: RunRemote,
  socket: string,
  kind: 'container' | 'image',
  ids: readonly string[],
): Promise<DockerObject[] | undefined> {
  const command = `docker -H ${shellQuote(`unix://${socket}`)} ${kind} inspect ${ids.map(shellQuote).join(' ')}`;
  const result = await run(command);
  const found = parseArray(result.stdout);
  if (found === undefined) return undefined;
  if (result.code === 0) return found.length === ids.length ? found : undefined;
  if (kind === 'image' || result.code !== 1) return undefined;
  const errors = result.stderr.split('\n').filter((line) => line.trim() !== '');
  return errors.every((line) => missing.test(line)) && found.length + errors.length === ids.length ? found : undefined;
}

/**
 * Inspects many containers with one remote `docker inspect` per {@link inspectBatchSize} ids:
 * one round trip instead of one Engine API call each (the audit's cost at scale). Returns the
 * found containers, or undefined when the docker CLI on the host cannot do it.
 */
export async function inspectContainersBatch(
  run: RunRemote,
  socket: string,
  ids: readonly string[],
): Promise<DockerObject[] | undefined> {
  const unique = [...new Set(ids)];
  const all: DockerObject[] = [];
  for (let i = 0; i < unique.length; i += inspectBatchSize) {
    const chunk = await inspectChunk(run, socket, 'container', unique.slice(i, i + inspectBatchSize));
    if (chunk === undefined) return undefined;
    all.push(...chunk);
  }
  return all;
}

/**
 * Inspects many images the same way, keyed by the requested id or name. Undefined when the CLI
 * cannot answer or an image is missing (the API then tells which ones exist).
 */
export async function inspectImagesBatch(
  run: RunRemote,
  socket: string,
  ids: readonly string[],
): Promise<Map<string, DockerObject> | undefined> {
  const unique = [...new Set(ids)];
  const found = new Map<string, DockerObject>();
  for (let i = 0; i < unique.length; i += inspectBatchSize) {
    const chunk = unique.slice(i, i + inspectBatchSize);
    const images = await inspectChunk(run, socket, 'image', chunk);
    if (images === undefined) return undefined;
    chunk.forEach((id, n) => {
      const image = images[n];
      if (image !== undefined) found.set(id, image);
    });
  }
  return found;
}
