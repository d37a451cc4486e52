import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from './media-error.js';

const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

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
