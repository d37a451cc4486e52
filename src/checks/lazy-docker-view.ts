import type { HostConfig } from '../config/schema.js';
import type { DockerHost } from '../infra/index.js';
import type { Logger } from '../log.js';
import type { ContainerView } from './container-view.js';
import { dockerContainerView } from './docker-container-view.js';

/** A container view that connects to the hosts on first use; `close` ends those connections. */
export interface ClosableContainerView extends ContainerView {
  close(): Promise<void>;
}

export function lazyDockerView(
  hosts: readonly HostConfig[],
  connect: (host: HostConfig) => Promise<DockerHost>,
  log: Logger,
): ClosableContainerView {
  let connected: Promise<DockerHost[]> | undefined;
  let view: ContainerView | undefined;
  const open = () => {
    connected ??= Promise.all(
      hosts.map((h) =>
        connect(h).catch((error: unknown) => {
          log.warn({ host: h.name, err: error }, 'health: docker host unreachable; its containers are not checked');
          return undefined;
        }),
      ),
    ).then((list) => list.filter((h): h is DockerHost => h !== undefined));
    return connected;
  };
  return {
    find: async (service) => {
      view ??= dockerContainerView(await open());
      return view.find(service);
    },
    all: async () => {
      view ??= dockerContainerView(await open());
      return view.all();
    },
    close: async () => {
      if (connected === undefined) return;
      await Promise.all((await connected).map((h) => h.close().catch(() => undefined)));
    },
  };
}
