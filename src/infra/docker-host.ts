import type { DockerTransport } from './docker-bridge.js';
import type { SshStats } from './ssh-connection.js';

/** A raw Engine API object (container summary, inspect, version): parsed by the caller (src/drift). */
export type DockerObject = Readonly<Record<string, unknown>>;

export interface ListContainersOptions {
  /** Include stopped containers (default true: an exited service is drift, not absence). */
  readonly all?: boolean;
  /** Label filters as the Engine API takes them: `key` or `key=value`. */
  readonly labels?: readonly string[];
}

export interface InspectOptions {
  /** Requests in flight at once over the one SSH connection (default 6). */
  readonly concurrency?: number;
}

/**
 * The Docker engine of one host, reached through that host's single SSH connection.
 * Every method rejects only with an `ExternalError` (codes in `host-errors.ts`); objects are returned
 * as the Engine API sends them. Secrets inside (Env) are never logged here.
 */
export interface DockerHost {
  /** The configured host name (`ct-docker-01`). */
  readonly name: string;
  /** How API bytes travel: a stream-local forward of the socket, or `docker system dial-stdio`. */
  readonly transport: DockerTransport;
  ping(): Promise<void>;
  /** `GET /version` (engine version, API version, OS). */
  version(): Promise<DockerObject>;
  /** `GET /containers/json`. */
  listContainers(options?: ListContainersOptions): Promise<DockerObject[]>;
  /** Every container with a `com.docker.compose.project` label (compose v1/v2, Portainer), stopped ones included. */
  listComposeContainers(): Promise<DockerObject[]>;
  /** `GET /containers/{id}/json` for each id, in parallel with a cap; containers gone in between are skipped. */
  inspectContainers(ids: readonly string[], options?: InspectOptions): Promise<DockerObject[]>;
  /** `GET /images/{id}/json`, deduped; keyed by the requested id; images gone are absent from the map. */
  inspectImages(ids: readonly string[], options?: InspectOptions): Promise<ReadonlyMap<string, DockerObject>>;
  /** A host file's text (SFTP, falling back to `cat`), or null when it does not exist. Never logged. */
  readFile(path: string): Promise<string | null>;
  /** Prepares for `readFile` (opens the SFTP session) while other work goes on; never fails. */
  prepareFiles(): void;
  /** SSH connection counters (connects, auth attempts). */
  sshStats(): SshStats;
  /** Stops the local bridge and ends the SSH connection. */
  close(): Promise<void>;
}
