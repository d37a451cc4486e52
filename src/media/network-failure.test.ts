import { describe, expect, it } from 'vitest';
import { scrubSecrets } from './media-error.js';
import { classifyNetworkError, networkError, replyError } from './network-failure.js';

const fetchFailed = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('classifyNetworkError', () => {
  it('reads the socket error code undici puts in cause', () => {
    expect(classifyNetworkError(fetchFailed('ECONNREFUSED'))).toBe('refused');
    expect(classifyNetworkError(fetchFailed('ENOTFOUND'))).toBe('dns');
    expect(classifyNetworkError(fetchFailed('EAI_AGAIN'))).toBe('dns');
    expect(classifyNetworkError(fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(classifyNetworkError(fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls');
    expect(classifyNetworkError(fetchFailed('ECONNRESET'))).toBe('unreachable');
    expect(classifyNetworkError(fetchFailed('UND_ERR_CONNECT_TIMEOUT'))).toBe('timeout');
  });

  it('tells our timeout from the caller cancelling', () => {
    expect(classifyNetworkError(new DOMException('t', 'TimeoutError'))).toBe('timeout');
    expect(classifyNetworkError(new DOMException('a', 'AbortError'))).toBe('aborted');
    expect(classifyNetworkError('not even an error')).toBe('unreachable');
  });
});

describe('scrubSecrets', () => {
  it('masks keys and tokens servers echo in URLs, and leaves other text alone', () => {
    expect(scrubSecrets('Unable to connect: http://prowlarr:9696/1/api?t=caps&apikey=0123abcd&extended=1')).toBe(
      'Unable to connect: http://prowlarr:9696/1/api?t=caps&apikey=(removed)&extended=1',
    );
    expect(scrubSecrets('GET /library?X-Plex-Token=zz9 failed; api_key=k1 token=t2')).toBe(
      'GET /library?X-Plex-Token=(removed) failed; api_key=(removed) token=(removed)',
    );
    expect(scrubSecrets('Root folder /data does not exist')).toBe('Root folder /data does not exist');
  });
});

describe('ServiceCallError', () => {
  const site = { service: 'qBittorrent', method: 'GET', path: '/app/version', host: 'qbt:8080' };

  it('is the one shape of a failed media call: <service>-<failure>, the site in context, retry only transient failures', () => {
    const reset = networkError(site, fetchFailed('ECONNRESET'), 1000);
    expect([reset.code, reset.failure, reset.service, reset.retryable]).toEqual([
      'qbittorrent-unreachable',
      'unreachable',
      'qbittorrent',
      true,
    ]);
    expect(reset.context).toMatchObject({ host: 'qbt:8080', path: '/app/version' });
    expect(networkError(site, fetchFailed('ECONNREFUSED'), 1000).message).toBe(
      'qBittorrent is unreachable: qbt:8080 refused the connection (nothing listening, or the container is down).',
    );
    expect(networkError(site, fetchFailed('ENOTFOUND'), 1000).retryable).toBe(false);
  });

  it('retries a 5xx reply but not a 4xx or bad credentials', () => {
    expect(replyError(site, 'http-error', { status: 502 }).retryable).toBe(true);
    expect(replyError(site, 'http-error', { status: 404 })).toMatchObject({
      retryable: false,
      code: 'qbittorrent-http-error',
      message: 'qBittorrent failed on GET /app/version (HTTP 404).',
    });
    expect(replyError(site, 'unauthorized', { status: 401 }).retryable).toBe(false);
  });
});
