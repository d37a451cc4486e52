import type { DockerHost, DockerObject } from '../infra/index.js';
import type { ContainerFacts, ContainerView, MountFact } from './container-view.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

function toFacts(host: string, inspected: DockerObject): ContainerFacts {
  const labels = record(record(inspected['Config'])['Labels']);
  const mounts: MountFact[] = (Array.isArray(inspected['Mounts']) ? inspected['Mounts'] : [])
    .map((m: unknown) => ({ source: text(record(m)['Source']), destination: text(record(m)['Destination']) }))
    .filter((m) => m.source !== '' && m.destination !== '');
  const env = new Map(
    (Array.isArray(record(inspected['Config'])['Env']) ? (record(inspected['Config'])['Env'] as unknown[]) : [])
      .map(text)
      .filter((e) => e.includes('='))
      .map((e): [string, string] => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  );
  return {
    env,
    id: text(inspected['Id']),
    name: text(inspected['Name']).replace(/^\//, ''),
    host,
    stack: text(labels['com.docker.compose.project']),
    service: text(labels['com.docker.compose.service']),
    mounts,
    networkMode: text(record(inspected['HostConfig'])['NetworkMode']),
  };
}

/**
 * Container facts from Docker inspect over SSH. The first lookup lists every host's compose
 * containers once (running ones preferred); later lookups reuse that listing.
 */
export function dockerContainerView(hosts: readonly DockerHost[]): ContainerView {
  let listing: Promise<{ host: DockerHost; summary: DockerObject }[]> | undefined;
  const list = () => {
    listing ??= Promise.all(
      hosts.map(async (host) => {
        const containers = await host.listComposeContainers().catch(() => []);
        return containers.map((summary) => ({ host, summary }));
      }),
    ).then((lists) => lists.flat());
    return listing;
  };
  return {
    all: async () => {
      const byHost = new Map<DockerHost, string[]>();
      for (const { host, summary } of await list())
        byHost.set(host, [...(byHost.get(host) ?? []), text(summary['Id'])]);
      const lists = await Promise.all(
        [...byHost].map(async ([host, ids]) => (await host.inspectContainers(ids)).map((c) => toFacts(host.name, c))),
      );
      return lists.flat();
    },
    find: async (service) => {
      const candidates = (await list()).filter(
        ({ summary }) => text(record(summary['Labels'])['com.docker.compose.service']) === service,
      );
      const chosen = candidates.find(({ summary }) => summary['State'] === 'running') ?? candidates[0];
      if (chosen === undefined) return undefined;
      const [inspected] = await chosen.host.inspectContainers([text(chosen.summary['Id'])]);
      return inspected === undefined ? undefined : toFacts(chosen.host.name, inspected);
    },
  };
}
