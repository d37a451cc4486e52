import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AppConfig } from '../config/schema.js';
import { entriesFor, knownHostsName, parseKnownHosts } from '../infra/known-hosts.js';

const uid = (): string => String(process.getuid?.() ?? '?');

/** Why `file` cannot be read by this process, in words with the fix; undefined when it can. */
async function unreadable(file: string): Promise<string | undefined> {
  try {
    await access(file, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${file}: file not found`;
    if (code === 'EACCES') {
      return `${file}: not readable by this user (uid ${uid()}); the Docker image runs as uid 1000: sudo chown -R 1000:1000 ${dirname(file)}`;
    }
    return `${file}: cannot read it (${code ?? String(error)})`;
  }
}

/** The key and known_hosts files each host needs, and a known_hosts entry for exactly its name and port. */
export async function hostFileProblems(config: AppConfig): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, host] of config.hosts.entries()) {
    const where = `hosts[${String(i)}] (${host.name})`;
    const key = await unreadable(host.ssh.privateKeyPath);
    if (key !== undefined) problems.push(`${where} ssh.privateKeyPath: ${key}`);
    const knownHosts = host.ssh.knownHostsPath;
    if (knownHosts === undefined) continue;
    const missing = await unreadable(knownHosts);
    if (missing !== undefined) {
      problems.push(`${where} ssh.knownHostsPath: ${missing}; create it with: homelab-bot hosts trust ${host.name}`);
      continue;
    }
    const entries = parseKnownHosts(await readFile(knownHosts, 'utf8'));
    if (entriesFor(entries, host.ssh.host, host.ssh.port).length === 0) {
      problems.push(
        `${where} ssh.knownHostsPath: ${knownHosts} has no key for ${knownHostsName(host.ssh.host, host.ssh.port)} (the name and port the config connects to); add it with: homelab-bot hosts trust ${host.name}`,
      );
    }
  }
  return problems;
}

/** apps.path must exist, or its nearest existing parent must be writable (it is cloned there). */
export async function appsPathProblem(config: AppConfig): Promise<string | undefined> {
  const path = config.apps?.path;
  if (path === undefined) return undefined;
  let dir = path;
  for (;;) {
    const info = await stat(dir).catch(() => undefined);
    if (info !== undefined) break;
    if (dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
  if (dir === path) return undefined;
  const writable = await access(dir, constants.W_OK).then(
    () => true,
    () => false,
  );
  return writable
    ? undefined
    : `apps.path: ${path} does not exist and cannot be created: ${dir} is not writable by this user (uid ${uid()}); use a folder this user owns (in Docker: under /data, the data volume)`;
}
