import type { HostConfig } from '../config/schema.js';
import type { ConnectHost } from './audit-host.js';

type RawObject = Readonly<Record<string, unknown>>;

/** Whether an inspected image defines a healthcheck (`Config.Healthcheck.Test`, not `NONE`). */
export function imageHasHealthcheck(image: RawObject): boolean {
  const config = image['Config'] as { Healthcheck?: { Test?: unknown } } | null | undefined;
  const test = config?.Healthcheck?.Test;
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
}

/**
 * The images (as named in compose) whose image config on a reachable host defines a healthcheck.
 * Hosts that cannot be reached, and images a host does not have, are skipped: the lint then
 * falls back to `imagesWithHealthcheck` in the lint config.
 */
export async function hostImageHealthchecks(
  hosts: readonly HostConfig[],
  connect: ConnectHost,
  images: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  if (images.length === 0) return found;
  await Promise.all(
    hosts.map(async (host) => {
      try {
        const docker = await connect(host);
        try {
          for (const [name, image] of await docker.inspectImages(images, { concurrency: 4 }))
            if (imageHasHealthcheck(image)) found.add(name);
        } finally {
          await docker.close().catch(() => undefined);
        }
      } catch {
        // An unreachable host tells nothing about images.
      }
    }),
  );
  return found;
}
