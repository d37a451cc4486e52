/** Values the lab computes per run and writes into a host's real `.env` files. */
export interface HostEnvContext {
  /** Free 127.0.0.1 ports, one per name in {@link FixtureStack.portVars}. */
  readonly ports: Readonly<Record<string, number>>;
  /** A host-side directory for bind mounts (`<state>/hostN/srv`). */
  readonly srvDir: string;
}

/** One stack of the fixture apps repo: `stacks/<name>/…` plus the host's real `.env`. */
export interface FixtureStack {
  readonly name: string;
  /** The endpoint (host) that runs it: `docker01` or `media01`. */
  readonly endpoint: string;
  readonly services: readonly string[];
  /** Files under `stacks/<name>/`, committed to git (never the real `.env`). */
  readonly files: Readonly<Record<string, string>>;
  /** Variables that get a free port in the host's `.env`. */
  readonly portVars: readonly string[];
  /** The real `.env` on the host (secrets included); not in git. */
  readonly hostEnv: (ctx: HostEnvContext) => Readonly<Record<string, string>>;
}

/** `KEY=value` lines. */
export const toEnvFile = (env: Readonly<Record<string, string>>): string =>
  Object.entries(env)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');

/** The usual busybox web-server healthcheck block (indented for a service). */
export const healthcheck = (port: number): string => `    healthcheck:
      test: ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:${port}/"]
      interval: 30s
      timeout: 5s
      retries: 3
      start_period: 10s
`;

/** Traefik router labels for a service behind the `proxy` network. */
export const traefikLabels = (router: string, port: number): string => `    labels:
      - traefik.enable=true
      - traefik.docker.network=proxy
      - traefik.http.routers.${router}.rule=Host(\`${router}.\${DOMAIN:-home.lan}\`)
      - traefik.http.routers.${router}.entrypoints=websecure
      - traefik.http.routers.${router}.tls.certresolver=le
      - traefik.http.services.${router}.loadbalancer.server.port=${port}
`;
