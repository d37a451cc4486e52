import { z } from 'zod';
import { evenWithIssues, flag, hostKeyFingerprint, port, slug, strictObject, text } from './primitives.js';

/** How the bot reaches a Docker host over SSH. Host key verification is never skipped. */
export const sshSchema = strictObject({
  /** Address of the host (DNS name or IP). */
  host: text('expected the SSH address of the host (DNS name or IP)').describe('SSH address (DNS name or IP)'),
  /** SSH port, default 22. */
  port: port().default(22).describe('SSH port'),
  /** Login user, default `root`. */
  user: text('expected the SSH login user').default('root').describe('SSH login user'),
  /** Path of the private key file (relative paths are resolved against the config file's folder). */
  privateKeyPath: text('expected the path of the SSH private key file').describe('path of the SSH private key'),
  /** Expected host key, `SHA256:<base64>` as printed by `ssh-keygen -lf`. */
  hostKeyFingerprint: hostKeyFingerprint().optional().describe('expected host key fingerprint SHA256:<base64>'),
  /** A known_hosts file that lists the host's key. */
  knownHostsPath: text('expected the path of a known_hosts file')
    .optional()
    .describe('known_hosts file listing the host key'),
}).superRefine((ssh, ctx) => {
  if (ssh.hostKeyFingerprint === undefined && ssh.knownHostsPath === undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        'host key verification is required: set hostKeyFingerprint ("SHA256:…" from `ssh-keyscan HOST | ssh-keygen -lf -`) or knownHostsPath (a known_hosts file)',
    });
  }
}, evenWithIssues);

/** One Docker host whose compose stacks the bot audits. */
export const hostSchema = strictObject({
  /** Unique name used in chat commands and reports, e.g. `ct-docker-01`. */
  name: slug('a host name').describe('unique host name used in commands and reports'),
  /** Endpoint name: selects `docker-compose.<endpoint>.yml` overrides in the apps repo. */
  endpoint: slug('an endpoint name').describe('selects docker-compose.<endpoint>.yml'),
  /** SSH access to the host. */
  ssh: sshSchema,
  /**
   * Docker socket path on the host, reached through the SSH connection. Unset: the SSH session's
   * `DOCKER_HOST` (`unix://…`) when it has one, else `/var/run/docker.sock`.
   */
  dockerSocket: text('expected the Docker socket path on the host')
    .optional()
    .describe("Docker socket path on the host (default: the SSH session's DOCKER_HOST, else /var/run/docker.sock)"),
  /** Stacks deployed on this host; used when the apps repo has no stack-targets.yml. */
  stacks: z
    .array(slug('a stack folder name'), { error: 'expected a list of stack folder names' })
    .optional()
    .describe('fallback list of stacks on this host'),
  /**
   * Whether the bot reads the stacks' real `.env` on the host (default true; values are classified
   * and masked in every output). Without it, values that depend on the host `.env` are unverifiable.
   */
  readHostEnv: flag().default(true).describe('read the real .env files on the host'),
  /**
   * Folder on the host that holds one folder per stack (`<deployDir>/<stack>/docker-compose.yml`
   * and its `.env`), e.g. `/opt/stacks`. Used when a stack has no container to read its folder from.
   */
  deployDir: text('expected the folder on the host that holds the stack folders')
    .optional()
    .describe('host folder holding <stack>/ compose folders and their .env'),
});

/** A Docker host entry after validation. */
export type HostConfig = z.infer<typeof hostSchema>;
/** SSH settings of a host after validation. */
export type SshConfig = z.infer<typeof sshSchema>;
