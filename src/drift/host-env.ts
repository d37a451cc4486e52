import { isSecretValue } from '../secrets/classify-secret.js';
import { isAppError } from '../errors.js';
import type { Logger } from '../log.js';
import type { AuditDockerHost } from './audit-host.js';
import { parseDotenv } from './compose/dotenv.js';
import { normalizeProjectName } from './load-stack.js';
import type { ObservedContainer } from './model.js';

/**
 * Stack → project working dir on the host, from the compose labels of its containers, else
 * `<deployDir>/<stack>` (config `hosts[].deployDir`), so a stack with no container left still has one.
 */
export function workingDirs(
  stacks: readonly string[],
  observed: readonly Pick<ObservedContainer, 'project' | 'workingDir'>[],
  deployDir?: string,
): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const stack of stacks) {
    const dir = observed.find((c) => c.project === normalizeProjectName(stack) && c.workingDir !== null)?.workingDir;
    if (dir !== undefined && dir !== null) dirs.set(stack, dir);
    else if (deployDir !== undefined) dirs.set(stack, `${deployDir.replace(/\/+$/, '')}/${stack}`);
  }
  return dirs;
}

/** `.env` reads in flight per host: each is an SFTP channel, and sshd allows 10 sessions by default. */
const ENV_READ_CAP = 4;

/** The host `.env` of each stack's project dir (absent files are skipped, unreadable ones logged). */
export async function readHostEnvs(
  docker: AuditDockerHost,
  dirs: ReadonlyMap<string, string>,
  log: Logger,
): Promise<Map<string, string>> {
  const read = async ([stack, dir]: [string, string]): Promise<[string, string | null]> => {
    try {
      return [stack, await docker.readFile(`${dir}/.env`)];
    } catch (error) {
      log.warn({ stack, err: isAppError(error) ? error.message : String(error) }, 'host .env unreadable');
      return [stack, null];
    }
  };
  const entries = [...dirs];
  const found: [string, string | null][] = [];
  for (let i = 0; i < entries.length; i += ENV_READ_CAP)
    found.push(...(await Promise.all(entries.slice(i, i + ENV_READ_CAP).map(read))));
  return new Map(found.filter((e): e is [string, string] => e[1] !== null));
}

/** Values of the host `.env` files the secret classifier calls secret: masked wherever they appear. */
export const envSecrets = (envs: ReadonlyMap<string, string>): string[] =>
  [...envs.values()].flatMap((text) =>
    [...parseDotenv(text).values]
      .filter(([name, value]) => value !== '' && isSecretValue({ name, values: [value] }))
      .map(([, v]) => v),
  );
