import { describe, expect, it } from 'vitest';
import { callGitHub, defaultRetryPolicy, toForgeError, type RetryPolicy } from './github-call.js';

/** An Octokit-shaped HTTP failure (status + response headers). */
const http = (status: number, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { headers } });

const now = 1_700_000_000_000;

describe('toForgeError', () => {
  it('maps 404 to not-found, 5xx and network failures to retryable forge-unavailable', () => {
    expect(toForgeError(http(404, 'Not Found'), 'read', now)).toMatchObject({ code: 'not-found', retryable: false });
    expect(toForgeError(http(502, 'Bad Gateway'), 'read', now)).toMatchObject({
      code: 'forge-unavailable',
      retryable: true,
    });
    expect(toForgeError(new TypeError('fetch failed'), 'read', now)).toMatchObject({
      code: 'forge-unavailable',
      retryable: true,
    });
  });

  it('recognises primary (x-ratelimit-reset) and secondary (retry-after) rate limits with their waits', () => {
    const primary = toForgeError(
      http(403, 'API rate limit exceeded', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(now / 1000 + 30),
      }),
      'read',
      now,
    );
    expect(primary).toMatchObject({ code: 'rate-limited', retryable: true, details: { retryAfterMs: 30_000 } });
    expect(toForgeError(http(429, 'slow down', { 'retry-after': '7' }), 'read', now).details.retryAfterMs).toBe(7000);
  });

  it('keeps a plain 403 (no rate-limit headers) a final refusal, without the documentation URL', () => {
    const error = toForgeError(
      http(403, 'Resource not accessible by integration - https://docs.github.com/rest'),
      'merge',
      now,
    );
    expect(error).toMatchObject({ code: 'forge-rejected', retryable: false });
    expect(error.message).toBe('GitHub refused merge (HTTP 403): Resource not accessible by integration');
  });
});

describe('callGitHub', () => {
  const policy = (sleeps: number[]): RetryPolicy => ({
    ...defaultRetryPolicy,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });

  it('does not retry a final refusal', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    await expect(
      callGitHub(
        'x',
        () => {
          calls += 1;
          return Promise.reject(http(422, 'Validation Failed'));
        },
        policy(sleeps),
      ),
    ).rejects.toMatchObject({ code: 'forge-rejected' });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('backs off exponentially on 5xx and gives up after the configured attempts', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    await expect(
      callGitHub(
        'x',
        () => {
          calls += 1;
          return Promise.reject(http(500, 'oops'));
        },
        policy(sleeps),
      ),
    ).rejects.toMatchObject({ code: 'forge-unavailable' });
    expect(calls).toBe(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });
});
