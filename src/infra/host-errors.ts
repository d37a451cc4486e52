import type { HostConfig } from '../config/schema.js';
import { ExternalError } from '../errors.js';

/** Stable codes of host failures (they may leave the process, e.g. in reports). */
export type HostErrorCode =
  | 'host-unreachable'
  | 'ssh-auth-failed'
  | 'host-key-mismatch'
  | 'host-key-unknown'
  | 'docker-socket-denied'
  | 'docker-socket-missing'
  | 'docker-unavailable'
  | 'host-file-unreadable'
  | 'ssh-failed'
  | 'host-timeout';

/** Codes that a retry will not fix (configuration or trust problems). */
const permanent: ReadonlySet<HostErrorCode> = new Set([
  'ssh-auth-failed',
  'host-key-mismatch',
  'host-key-unknown',
  'docker-socket-denied',
  'docker-socket-missing',
]);

/** Builds the {@link ExternalError} for a host failure, with the host in its context. */
export function hostError(host: HostConfig, code: HostErrorCode, message: string, cause?: unknown): ExternalError {
  return new ExternalError(code, message, {
    retryable: !permanent.has(code),
    context: { host: host.name, sshHost: host.ssh.host, sshPort: host.ssh.port },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** `ct-docker-01 (10.0.0.5:22)`: how messages name a host. */
export const where = (host: HostConfig): string => `${host.name} (${host.ssh.host}:${host.ssh.port})`;

const field = (error: unknown, key: string): string => {
  if (typeof error !== 'object' || error === null || !(key in error)) return '';
  const value = (error as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
};

const textOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const unreachableReasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused — is sshd running and the port right?',
  ETIMEDOUT: 'connection timed out — is the host up and reachable from the bot?',
  EHOSTUNREACH: 'no route to host — is the host up and the address right?',
  ENETUNREACH: 'network unreachable — is the address right?',
  ENOTFOUND: 'the name does not resolve (DNS) — is the address right?',
  EAI_AGAIN: 'DNS lookup failed temporarily — is the resolver reachable?',
  ECONNRESET: 'the connection was reset — sshd may be limiting connections (MaxStartups) or a firewall drops it',
};

/** Classifies an error raised while connecting or authenticating over SSH. */
export function classifySshError(host: HostConfig, error: unknown): ExternalError {
  if (error instanceof ExternalError) return error;
  const code = field(error, 'code');
  const level = field(error, 'level');
  const text = textOf(error);
  const reason = unreachableReasons[code];
  if (reason !== undefined) return hostError(host, 'host-unreachable', `${where(host)}: ${reason}`, error);
  if (level === 'client-timeout' || /timed out while waiting for handshake/i.test(text)) {
    return hostError(
      host,
      'host-unreachable',
      `${where(host)}: no SSH handshake within the timeout — is this an SSH port and is the host responsive?`,
      error,
    );
  }
  if (level === 'client-authentication' || /authentication methods failed/i.test(text)) {
    return hostError(
      host,
      'ssh-auth-failed',
      `${where(host)}: the server refused key ${host.ssh.privateKeyPath} for user ${host.ssh.user} — is its public key in ~${host.ssh.user}/.ssh/authorized_keys?`,
      error,
    );
  }
  return hostError(host, 'ssh-failed', `${where(host)}: SSH failed: ${text}`, error);
}

/** What a shell probe on the host found at the Docker socket path. */
export type SocketProbe = 'missing' | 'denied' | 'not-socket' | 'ok';

/** Classifies a Docker socket failure from the socket probe and/or the error text (docker CLI or sshd). */
export function classifyDockerError(host: HostConfig, error: unknown, probe?: SocketProbe): ExternalError {
  if (error instanceof ExternalError) return error;
  const text = textOf(error);
  const socket = host.dockerSocket ?? '/var/run/docker.sock';
  if (probe === 'denied' || /permission denied/i.test(text)) {
    return hostError(
      host,
      'docker-socket-denied',
      `${host.name}: user ${host.ssh.user} cannot open ${socket} (permission denied) — add it to the docker group`,
      error,
    );
  }
  if (probe === 'missing' || probe === 'not-socket' || /no such file or directory/i.test(text)) {
    const what = probe === 'not-socket' ? 'is not a socket' : 'does not exist';
    return hostError(
      host,
      'docker-socket-missing',
      `${host.name}: the Docker socket ${socket} ${what} — is Docker installed and running, and dockerSocket right?`,
      error,
    );
  }
  return hostError(
    host,
    'docker-unavailable',
    `${host.name}: the Docker API at ${socket} did not answer: ${text}`,
    error,
  );
}
