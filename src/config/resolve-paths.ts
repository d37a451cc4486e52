import { isAbsolute, resolve } from 'node:path';
import type { AppConfig } from './schema.js';

const against = (baseDir: string, path: string): string => (isAbsolute(path) ? path : resolve(baseDir, path));

/**
 * Makes local file paths absolute against the config file's folder: SSH key and known_hosts
 * paths, and the apps checkout. Remote paths (the Docker socket on a host) are left alone.
 */
export function resolveConfigPaths(config: AppConfig, baseDir: string): AppConfig {
  const hosts = config.hosts.map((host) => {
    const { knownHostsPath, privateKeyPath } = host.ssh;
    const ssh = { ...host.ssh, privateKeyPath: against(baseDir, privateKeyPath) };
    return {
      ...host,
      ssh: knownHostsPath === undefined ? ssh : { ...ssh, knownHostsPath: against(baseDir, knownHostsPath) },
    };
  });
  const apps =
    config.apps?.path === undefined ? config.apps : { ...config.apps, path: against(baseDir, config.apps.path) };
  const clusters = config.clusters.map((c) =>
    c.access.kubeconfig === undefined
      ? c
      : { ...c, access: { ...c.access, kubeconfig: against(baseDir, c.access.kubeconfig) } },
  );
  return apps === undefined ? { ...config, hosts, clusters } : { ...config, hosts, clusters, apps };
}
