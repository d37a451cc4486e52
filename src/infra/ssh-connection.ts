import {
  Client,
  type AuthHandlerMiddleware,
  type ConnectConfig,
  type ParsedKey,
  type ServerHostKeyAlgorithm,
} from 'ssh2';
import { bounded } from '../bounded/call-scope.js';
import type { CallTimeouts, HostConfig } from '../config/schema.js';
import { defaultCallTimeouts } from '../config/timeouts-schema.js';
import type { Logger } from '../log.js';
import { classifySshError, hostError, where } from './host-errors.js';
import { loadHostKeyPolicy, type HostKeyPolicy, type HostKeyVerdict } from './host-key.js';
import { readPrivateKey } from './private-key.js';

/** Counters of one host's SSH connection (for tests and metrics). */
export interface SshStats {
  /** TCP+SSH handshakes started. */
  readonly connects: number;
  /** Authentication attempts (0 when the host key was refused: nothing was sent). */
  readonly authAttempts: number;
}

/** One persistent SSH connection to a host: connects lazily, reconnects with backoff after a close. */
export interface SshConnection {
  readonly host: HostConfig;
  /** The ready ssh2 client; connects or reconnects when needed. Rejects with a classified ExternalError. */
  readonly client: () => Promise<Client>;
  readonly stats: () => SshStats;
  /** Ends the connection; later `client()` calls fail. */
  readonly close: () => Promise<void>;
}

export interface SshConnectionDeps {
  readonly log: Logger;
  /** Backoff wait; injectable so tests need not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly keepaliveIntervalMs?: number;
  /** Config `timeouts` (SSH handshake, Docker API, SFTP, remote exec); defaults when absent. */
  readonly timeouts?: CallTimeouts;
}

/** The call limits of `deps`, defaults filled in. */
export const timeoutsOf = (deps: Pick<SshConnectionDeps, 'timeouts'>): CallTimeouts =>
  deps.timeouts ?? defaultCallTimeouts;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const backoffMs = (failures: number): number => Math.min(30_000, 500 * 2 ** (failures - 1));

interface Attempt {
  readonly key: ParsedKey;
  readonly policy: HostKeyPolicy;
  readonly counters: { connects: number; authAttempts: number };
}

/**
 * Connects and authenticates within `timeouts.sshHandshake`; a peer that accepts TCP and never
 * speaks SSH fails with `host-unreachable` naming the host, and the socket is destroyed.
 */
function handshake(host: HostConfig, deps: SshConnectionDeps, a: Attempt): Promise<Client> {
  const limitMs = timeoutsOf(deps).sshHandshake;
  const client = new Client();
  return bounded(
    {
      what: `SSH handshake with ${where(host)}`,
      timeoutMs: limitMs,
      timeoutError: () =>
        hostError(
          host,
          'host-unreachable',
          `${where(host)}: no SSH handshake within ${limitMs} ms — is this an SSH port and is the host responsive?`,
        ),
      cancel: () => {
        client.destroy();
      },
    },
    () => startHandshake(client, host, deps, a, limitMs),
  );
}

function startHandshake(
  client: Client,
  host: HostConfig,
  deps: SshConnectionDeps,
  a: Attempt,
  limitMs: number,
): Promise<Client> {
  return new Promise((resolve, reject) => {
    let rejection: HostKeyVerdict | undefined;
    let ready = false;
    let offered = false;
    const authHandler: AuthHandlerMiddleware = (_left, _partial, next) => {
      // Only the configured key is offered, once; `false` ends authentication (ssh2 accepts it).
      if (offered) {
        next(false as never);
        return;
      }
      offered = true;
      a.counters.authAttempts += 1;
      next({ type: 'publickey', username: host.ssh.user, key: a.key });
    };
    client.on('ready', () => {
      ready = true;
      resolve(client);
    });
    client.on('error', (error) => {
      if (ready) {
        deps.log.warn({ host: host.name, err: error.message }, 'ssh connection error');
        return;
      }
      reject(
        rejection !== undefined && !rejection.ok
          ? hostError(host, rejection.code, rejection.message, error)
          : classifySshError(host, error),
      );
    });
    a.counters.connects += 1;
    const prefer = a.policy.preferredAlgorithms as ServerHostKeyAlgorithm[];
    const config: ConnectConfig = {
      host: host.ssh.host,
      port: host.ssh.port,
      username: host.ssh.user,
      authHandler,
      keepaliveInterval: deps.keepaliveIntervalMs ?? 15_000,
      // ssh2's own limit is a backstop just behind ours (ours names the host and tears down).
      readyTimeout: limitMs + 1_000,
      ...(prefer.length > 0 ? { algorithms: { serverHostKey: { prepend: prefer, append: [], remove: [] } } } : {}),
      hostVerifier: (key: Buffer) => {
        rejection = a.policy.verify(key);
        return rejection.ok;
      },
    };
    client.connect(config);
  });
}

/** Creates the (not yet connected) persistent connection of `host`. The private key is read per connect, never logged. */
export function createSshConnection(host: HostConfig, deps: SshConnectionDeps): SshConnection {
  const counters = { connects: 0, authAttempts: 0 };
  const sleep = deps.sleep ?? defaultSleep;
  let current: Promise<Client> | undefined;
  let live: Client | undefined;
  let failures = 0;
  let closed = false;

  const open = async (): Promise<Client> => {
    if (failures > 0) await sleep(backoffMs(failures));
    const [key, policy] = await Promise.all([readPrivateKey(host), loadHostKeyPolicy(host)]);
    const client = await handshake(host, deps, { key, policy, counters });
    live = client;
    client.on('close', () => {
      if (!closed) deps.log.info({ host: host.name }, 'ssh connection closed; reconnecting on next use');
      if (live === client) {
        live = undefined;
        current = undefined;
      }
    });
    return client;
  };

  const client = (): Promise<Client> => {
    if (closed)
      return Promise.reject(hostError(host, 'ssh-failed', `${host.name}: the SSH connection was closed by the bot`));
    current ??= open().then(
      (c) => {
        failures = 0;
        return c;
      },
      (error: unknown) => {
        failures += 1;
        current = undefined;
        throw error;
      },
    );
    return current;
  };

  const close = async (): Promise<void> => {
    closed = true;
    const pending = current;
    current = undefined;
    const c = await pending?.catch(() => undefined);
    if (c === undefined || live !== c) return;
    await new Promise<void>((resolve) => {
      c.once('close', () => {
        resolve();
      });
      c.end();
    });
  };

  return { host, client, stats: () => ({ ...counters }), close };
}
