import { ApiException, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import type { ClusterConfig } from '../config/schema.js';
import { ExternalError } from '../errors.js';
import type { KubeApi, ListOptions } from './kube-api.js';
import type { KubeObject } from './kube-object.js';

/** Builds the kubeconfig of a cluster entry: its file and context, or the pod's service account. */
export function loadKubeConfig(access: ClusterConfig['access']): KubeConfig {
  const kc = new KubeConfig();
  if (access.inCluster) kc.loadFromCluster();
  else if (access.kubeconfig !== undefined) kc.loadFromFile(access.kubeconfig);
  if (access.context !== undefined) kc.setCurrentContext(access.context);
  return kc;
}

const notServed = (error: unknown): boolean =>
  (error instanceof ApiException && error.code === 404) ||
  (error instanceof Error && error.message.startsWith('Unrecognized API version and kind'));

/** Turns a client error into a secret-free ExternalError naming the cluster and what was read. */
function wrap(cluster: string, what: string, error: unknown): ExternalError {
  if (error instanceof ApiException) {
    const code = error.code === 401 || error.code === 403 ? 'cluster-forbidden' : 'cluster-api-error';
    return new ExternalError(code, `Cluster ${cluster}: reading ${what} failed with HTTP ${String(error.code)}.`, {
      retryable: code !== 'cluster-forbidden',
    });
  }
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new ExternalError('cluster-unreachable', `Cluster ${cluster} is unreachable while reading ${what}: ${detail}`);
}

/** The parts of a listed object as plain JSON (the client deserialises known kinds into classes). */
const plain = (items: readonly unknown[]): KubeObject[] => JSON.parse(JSON.stringify(items)) as KubeObject[];

/**
 * A `KubeApi` over @kubernetes/client-node for one configured cluster. Discovery maps kinds to
 * resources, so custom resources (Flux, cert-manager) need no generated client.
 */
export function connectCluster(cluster: ClusterConfig): KubeApi {
  const api = KubernetesObjectApi.makeApiClient(loadKubeConfig(cluster.access));
  return {
    cluster: cluster.name,
    async list(apiVersion: string, kind: string, options: ListOptions = {}): Promise<KubeObject[]> {
      try {
        const list = await api.list(
          apiVersion,
          kind,
          options.namespace,
          undefined,
          undefined,
          undefined,
          options.fieldSelector,
          options.labelSelector,
        );
        return plain(list.items);
      } catch (error) {
        if (notServed(error)) return [];
        throw wrap(cluster.name, `${kind} (${apiVersion})`, error);
      }
    },
  };
}
