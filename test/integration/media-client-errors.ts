import { expect } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { ServiceCallError } from '../../src/media/network-failure.js';

/** Shared assertions for the media clients: every client reports the same error classes the same way. */
/** The ExternalError code a call fails with ('no-error' when it succeeds). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExternalError) return error.code;
    throw error;
  }
  return 'no-error';
}

/** The failure a media call fails with (`refused`, `timeout`, …; 'no-error' when it succeeds); its code is `<service>-<failure>`. */
export async function failureKindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceCallError) {
      expect(error.code).toBe(`${error.service}-${error.failure}`);
      return error.failure;
    }
    throw error;
  }
  return 'no-error';
}

/** Error classes every client must report the same way; `call` is one cheap authenticated call. */
export interface ErrorCase {
  readonly emu: {
    url: string;
    down(): Promise<void>;
    up(): Promise<void>;
    hang(on: boolean): void;
    override(m: string, p: string, r: { status: number; text?: string; body?: unknown } | undefined): void;
  };
  readonly path: string;
  readonly call: (client: 'ok' | 'wrong-key' | 'short-timeout' | 'tls') => Promise<unknown>;
  /** A JSON body of the wrong shape for `path`. */
  readonly wrongShape: unknown;
}

export async function expectErrorClasses(c: ErrorCase): Promise<void> {
  expect(await failureKindOf(c.call('ok'))).toBe('no-error');
  expect(await failureKindOf(c.call('wrong-key'))).toBe('unauthorized');
  c.emu.hang(true);
  expect(await failureKindOf(c.call('short-timeout'))).toBe('timeout');
  c.emu.hang(false);
  expect(await failureKindOf(c.call('tls'))).toBe('tls');
  c.emu.override('GET', c.path, { status: 200, text: '<html>not json</html>' });
  expect(await failureKindOf(c.call('ok'))).toBe('bad-response');
  c.emu.override('GET', c.path, { status: 200, body: c.wrongShape });
  expect(await failureKindOf(c.call('ok'))).toBe('bad-response');
  c.emu.override('GET', c.path, { status: 503, body: { message: 'Database is locked' } });
  const error = await failureOf(c.call('ok'));
  expect(error instanceof ServiceCallError ? error.failure : error.code).toBe('http-error');
  expect(error.message).toContain('Database is locked');
  c.emu.override('GET', c.path, undefined);
  await c.emu.down();
  expect(await failureKindOf(c.call('ok'))).toBe('refused');
  await c.emu.up();
  expect(await failureKindOf(c.call('ok'))).toBe('no-error');
}

/** The ExternalError a call fails with (anything else fails the test). */
export async function failureOf(promise: Promise<unknown>): Promise<ExternalError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExternalError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The same server over https: the plain-HTTP listener makes the TLS handshake fail. */
export const tlsUrl = (url: string) => url.replace('http://', 'https://');
