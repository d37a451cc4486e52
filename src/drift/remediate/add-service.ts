import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { UserError } from '../../errors.js';
import type { AdoptedService } from './adopt-service.js';
import { openComposeFiles, saveComposeFile, type ComposeFile } from './compose-file.js';
import { addEnvSampleVars } from './env-sample.js';
import { isMap } from './yaml-nodes.js';

/** The keys of a top-level section (`networks`, `volumes`) and the engine name each stands for. */
function declared(doc: Document, section: string, project: string): Map<string, string> {
  const node = doc.get(section, true);
  const out = new Map<string, string>();
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const def = pair.value;
    const name = isMap(def) ? def.get('name') : undefined;
    const external = isMap(def) && (def.get('external') === true || def.get('external') === 'true');
    out.set(typeof name === 'string' ? name : external ? key : `${project}_${key}`, key);
  }
  return out;
}

/** Maps engine names to the file's keys, declaring the missing ones `external: true`. */
function declare(doc: Document, section: string, project: string, engineNames: readonly string[]): Map<string, string> {
  const known = declared(doc, section, project);
  for (const name of new Set(engineNames)) {
    if (known.has(name)) continue;
    doc.setIn([section, name], doc.createNode({ external: true }));
    known.set(name, name);
  }
  return known;
}

function rename(list: unknown, keys: ReadonlyMap<string, string>, volumes: boolean): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((entry: string) => {
    if (!volumes) return keys.get(entry) ?? entry;
    const colon = entry.indexOf(':');
    const source = entry.slice(0, colon);
    return keys.has(source) ? `${keys.get(source) ?? source}${entry.slice(colon)}` : entry;
  });
}

async function openOrCreate(stackDir: string): Promise<ComposeFile> {
  const { base } = await openComposeFiles(stackDir, null);
  if (base !== undefined) return base;
  await mkdir(stackDir, { recursive: true });
  const doc = parseDocument('services: {}\n');
  doc.set('services', doc.createNode({}));
  return { name: 'docker-compose.yml', doc, original: '', normalized: '' };
}

/**
 * Adds an adopted service to the stack's base compose file (created when the stack is new), with its
 * external networks and volumes declared, and its secret variables listed in `.env.sample`.
 * Returns the files written. Refuses when the stack already has a service of that name.
 */
export async function addService(stackDir: string, project: string, adopted: AdoptedService): Promise<string[]> {
  const file = await openOrCreate(stackDir);
  const services = file.doc.get('services', true);
  if (isMap(services) && services.has(adopted.name))
    throw new UserError(
      'service-exists',
      `The stack already has a service named ${adopted.name}; adopt the container into another stack or rename it first.`,
    );
  const nets = declare(file.doc, 'networks', project, adopted.externalNetworks);
  const vols = declare(file.doc, 'volumes', project, adopted.externalVolumes);
  const service = {
    ...adopted.service,
    ...('networks' in adopted.service ? { networks: rename(adopted.service['networks'], nets, false) } : {}),
    ...('volumes' in adopted.service ? { volumes: rename(adopted.service['volumes'], vols, true) } : {}),
  };
  if (isMap(services)) services.set(file.doc.createNode(adopted.name), file.doc.createNode(service));
  else file.doc.set('services', file.doc.createNode({ [adopted.name]: service }));
  const files: string[] = [];
  if (file.original === '') {
    await writeFile(join(stackDir, file.name), file.doc.toString({ lineWidth: 0 }));
    files.push(file.name);
  } else if (await saveComposeFile(stackDir, file)) files.push(file.name);
  if ((await addEnvSampleVars(stackDir, adopted.secretVars)).length > 0) files.push('.env.sample');
  return files;
}

/** Lists a new stack in `stack-targets.yml` (when the repo has one and does not list it yet). */
export async function addStackTarget(repoDir: string, stack: string, endpoint: string): Promise<boolean> {
  for (const name of ['stack-targets.yml', 'stack-targets.yaml']) {
    const path = join(repoDir, name);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const doc = parseDocument(text);
    if (doc.has(stack)) return false;
    await writeFile(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${stack}: ${endpoint}\n`);
    return true;
  }
  return false;
}
