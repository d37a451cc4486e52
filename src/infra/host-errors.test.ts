import { describe, expect, it } from 'vitest';
import type { HostConfig } from '../config/schema.js';
import { classifyDockerError, classifySshError } from './host-errors.js';

const host: HostConfig = {
  name: 'ct-media-01',
  endpoint: 'media01',
  dockerSocket: '/var/run/docker.sock',
  readHostEnv: false,
  ssh: {
    host: '127.0.0.1',
    port: 2222,
    user: 'deploy',
    privateKeyPath: '/keys/id_ed25519',
    hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
  },
};

const withFields = (message: string, fields: Record<string, string>): Error =>
  Object.assign(new Error(message), fields);

describe('host error classification', () => {
  it('maps socket-level failures to host-unreachable with the address', () => {
    const error = classifySshError(
      host,
      withFields('getaddrinfo ENOTFOUND nas.lan', { code: 'ENOTFOUND', level: 'client-socket' }),
    );
    expect(error.code).toBe('host-unreachable');
    expect(error.message).toBe('ct-media-01 (127.0.0.1:2222): the name does not resolve (DNS) — is the address right?');
    expect(error.retryable).toBe(true);
  });

  it('maps a handshake timeout to host-unreachable', () => {
    const error = classifySshError(
      host,
      withFields('Timed out while waiting for handshake', { level: 'client-timeout' }),
    );
    expect(error.code).toBe('host-unreachable');
  });

  it('maps ssh2 authentication failure to ssh-auth-failed naming key and user', () => {
    const error = classifySshError(
      host,
      withFields('All configured authentication methods failed', { level: 'client-authentication' }),
    );
    expect(error.code).toBe('ssh-auth-failed');
    expect(error.message).toContain('the server refused key /keys/id_ed25519 for user deploy');
    expect(error.retryable).toBe(false);
  });

  it('classifies the docker CLI dial-stdio errors (texts captured from docker 28.2)', () => {
    const denied =
      'failed to open the raw stream connection: dial unix /var/run/docker.sock: connect: permission denied';
    const error = classifyDockerError(host, new Error(denied));
    expect(error.code).toBe('docker-socket-denied');
    expect(error.message).toBe(
      'ct-media-01: user deploy cannot open /var/run/docker.sock (permission denied) — add it to the docker group',
    );
    const missing =
      'failed to open the raw stream connection: dial unix /var/run/docker.sock: connect: no such file or directory';
    expect(classifyDockerError(host, new Error(missing)).code).toBe('docker-socket-missing');
  });

  it('trusts the socket probe over an uninformative sshd channel refusal', () => {
    const refusal = withFields('(SSH) Channel open failure: open failed', {});
    expect(classifyDockerError(host, refusal, 'denied').code).toBe('docker-socket-denied');
    expect(classifyDockerError(host, refusal, 'missing').code).toBe('docker-socket-missing');
    expect(classifyDockerError(host, refusal, 'ok').code).toBe('docker-unavailable');
  });

  it('classifies a stopped daemon as docker-unavailable, not as a missing socket', () => {
    const text = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
    expect(classifyDockerError(host, new Error(text)).code).toBe('docker-unavailable');
  });
});
