/** One service of the homelab as the catalog shows it (git and the running container merged). */
export interface CatalogEntry {
  readonly host: string;
  readonly stack: string;
  readonly service: string;
  /** Running image (`repo:tag`), or the image in git when no container runs. */
  readonly image: string;
  /** `org.opencontainers.image.version` when labelled, else the image tag. */
  readonly version: string;
  /** From the Traefik router `Host()` rule, when the service is routed. */
  readonly url?: string;
  /** `running (healthy)`, `exited`, `not running`, … */
  readonly state: string;
  /** Engine networks (empty when the service shares another's network namespace). */
  readonly networks: readonly string[];
  /** `service:<name>` when it shares another service's network (qBittorrent via Gluetun). */
  readonly networkMode?: string;
  /** Host paths bind-mounted into the container (source → container path). */
  readonly binds: readonly { readonly source: string; readonly target: string }[];
  /** In git but no container, or a container not in git. */
  readonly origin: 'git+running' | 'git-only' | 'unmanaged';
}

/** One host's part; an unreachable host is a value with its message. */
export interface CatalogHost {
  readonly name: string;
  readonly reachable: boolean;
  readonly error?: string;
}

export interface Catalog {
  readonly generatedAt: string;
  readonly commit: string;
  readonly hosts: readonly CatalogHost[];
  readonly entries: readonly CatalogEntry[];
}
