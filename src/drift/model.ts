/**
 * The normalised per-service model shared by both sides of a drift comparison (design §3).
 * Collections are keyed maps and sets, never arrays, so differences and ignore rules target a key.
 * On the expected side, `null` means "not set in compose": the image default applies.
 * Strings may contain symbolic `⟪VAR⟫` markers on the expected side (see template.ts).
 */
export interface ServiceModel {
  readonly image: ImageRef;
  /** Env map; a `null` value is a bare `KEY` (unset). */
  readonly environment: ReadonlyMap<string, string | null>;
  readonly labels: ReadonlyMap<string, string>;
  /** `"80/tcp"` → sorted bindings `"hostIp:hostPort"` (`""` host IP = all addresses). */
  readonly ports: ReadonlyMap<string, readonly string[]>;
  /** Container path → mount. */
  readonly mounts: ReadonlyMap<string, MountSpec>;
  /** Engine network names (`<project>_default`, …). */
  readonly networks: ReadonlySet<string>;
  /** `host`, `none`, `bridge`, `service:<name>`, `container:<id>`; null = the service's networks. */
  readonly networkMode: string | null;
  /** `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:<n>`; null = unset (`no`). */
  readonly restart: string | null;
  readonly healthcheck: HealthcheckSpec | null;
  readonly command: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly user: string | null;
  readonly workingDir: string | null;
  readonly capAdd: ReadonlySet<string>;
  readonly capDrop: ReadonlySet<string>;
  /** Container path → `"hostPath:permissions"`. */
  readonly devices: ReadonlyMap<string, string>;
  readonly privileged: boolean;
  /** `host=ip` entries. */
  readonly extraHosts: ReadonlySet<string>;
  readonly dns: ReadonlySet<string>;
  readonly sysctls: ReadonlyMap<string, string>;
  /** Ulimit name → `soft:hard`. */
  readonly ulimits: ReadonlyMap<string, string>;
  /** Log driver and options; null = not set in compose (the daemon default applies, never compared). */
  readonly logging: LoggingSpec | null;
}

/** `logging:` of a service; an empty driver means the daemon default. */
export interface LoggingSpec {
  readonly driver: string;
  readonly options: ReadonlyMap<string, string>;
}

/** Image reference normalised to `docker.io/library/…`, tag defaulting to `latest` unless pinned by digest. */
export interface ImageRef {
  readonly repo: string;
  readonly tag: string;
  readonly digest: string;
}

export interface MountSpec {
  readonly type: 'bind' | 'volume' | 'tmpfs' | 'other';
  /** Absolute host path, engine volume name, tmpfs options, or `⟪*⟫` for an anonymous volume. */
  readonly source: string;
  readonly readOnly: boolean;
}

/** Durations in nanoseconds; `0` and an empty `test` mean "not set" (image or engine default). */
export interface HealthcheckSpec {
  readonly test: readonly string[];
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly retries: number;
}

/** What the image contributes to a container when the create request leaves a field unset (moby `merge`). */
export interface ImageDefaults {
  readonly env: ReadonlyMap<string, string | null>;
  readonly labels: ReadonlyMap<string, string>;
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly user: string | null;
  readonly workingDir: string | null;
  readonly healthcheck: HealthcheckSpec | null;
  /** Image-declared volume paths (anonymous volumes there are not drift). */
  readonly volumes: ReadonlySet<string>;
}

/** One service as declared in git, after load, interpolation, merge and canonicalisation. */
export interface ExpectedService {
  readonly stack: string;
  readonly project: string;
  readonly service: string;
  readonly containerName: string | null;
  readonly model: ServiceModel;
  /** The service reads an `env_file` the bot cannot see: extra observed env keys are unverifiable. */
  readonly opaqueEnv: boolean;
  /** Absolute project directory used to resolve relative bind sources. */
  readonly projectDir: string;
  /** Compose files merged for this host, in `-f` order (`docker-compose.yml`, `docker-compose.<endpoint>.yml`). */
  readonly composeFiles: readonly string[];
}

/** One container as inspected on a host, normalised. */
export interface ObservedContainer {
  readonly id: string;
  readonly name: string;
  readonly project: string | null;
  readonly service: string | null;
  readonly oneoff: boolean;
  readonly state: string;
  /** `com.docker.compose.project.working_dir`: where relative binds were resolved on the host. */
  readonly workingDir: string | null;
  /** Basenames from `com.docker.compose.project.config_files`, or null when the label is absent. */
  readonly configFiles: readonly string[] | null;
  readonly model: ServiceModel;
  readonly imageDefaults: ImageDefaults;
}

/** Parses `nginx`, `ghcr.io/a/b:1.2`, `x@sha256:…`, `localhost:5000/app:dev` into a normalised reference. */
export function toImageRef(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at === -1 ? '' : image.slice(at + 1);
  const name = at === -1 ? image : image.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  let repo = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : digest === '' ? 'latest' : '';
  const first = repo.split('/')[0] ?? '';
  const isRegistry =
    repo.includes('/') &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('⟪'));
  if (!isRegistry) repo = repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`;
  return { repo, tag, digest };
}
