import type { KubeObject } from './kube-object.js';

/** Filters of one list call. */
export interface ListOptions {
  /** Only this namespace; default every namespace. */
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/**
 * Read access to one cluster's API (the port; `connectCluster` is the @kubernetes/client-node
 * implementation). Read-only by design: changes go through git.
 */
export interface KubeApi {
  /** The configured cluster name. */
  readonly cluster: string;
  /**
   * Every object of `apiVersion`/`kind` (e.g. `v1`/`Secret`, `helm.toolkit.fluxcd.io/v2`/`HelmRelease`).
   * A kind the server does not serve (CRD not installed) is an empty list, not an error.
   */
  list(apiVersion: string, kind: string, options?: ListOptions): Promise<KubeObject[]>;
}
