import { describe, expect, it } from 'vitest';
import { ExternalError } from '../errors.js';
import { replyError, ServiceCallError } from '../media/network-failure.js';
import { retryTransient } from './retry-transient.js';

const site = { service: 'Overseerr', method: 'POST', path: '/api/v1/request', host: 'overseerr:5055' };
const failing = (errors: Error[], value = 'ok') => {
  let calls = 0;
  const fn = () => {
    calls += 1;
    const error = errors.shift();
    return error === undefined ? Promise.resolve(value) : Promise.reject(error);
  };
  return { fn, calls: () => calls };
};

describe('retryTransient', () => {
  it('tries again after a 502 and a timeout, and returns the answer', async () => {
    const timeout = new ServiceCallError('overseerr', 'timeout', 'slow');
    const f = failing([replyError(site, 'http-error', { status: 502 }), timeout]);
    expect(await retryTransient(f.fn, { deadline: Date.now() + 60_000, delayMs: 1 })).toBe('ok');
    expect(f.calls()).toBe(3);
  });

  it('does not retry a 4xx, bad credentials or a non-service error', async () => {
    for (const error of [
      replyError(site, 'http-error', { status: 400 }),
      replyError(site, 'unauthorized', { status: 403 }),
      new ExternalError('git-failed', 'y', { retryable: false }),
    ]) {
      const f = failing([error]);
      await expect(retryTransient(f.fn, { deadline: Date.now() + 60_000, delayMs: 1 })).rejects.toBe(error);
      expect(f.calls()).toBe(1);
    }
  });

  it('stops at the attempt limit and when the next try would pass the deadline', async () => {
    const f = failing([
      replyError(site, 'http-error', { status: 500 }),
      replyError(site, 'http-error', { status: 500 }),
      replyError(site, 'http-error', { status: 503 }),
    ]);
    await expect(
      retryTransient(f.fn, { deadline: Date.now() + 60_000, delayMs: 1, attempts: 3 }),
    ).rejects.toMatchObject({ code: 'overseerr-http-error' });
    expect(f.calls()).toBe(3);
    const late = failing([replyError(site, 'http-error', { status: 500 })]);
    await expect(retryTransient(late.fn, { deadline: Date.now() + 5, delayMs: 1000 })).rejects.toMatchObject({
      retryable: true,
    });
    expect(late.calls()).toBe(1);
  });
});
