import { bounded } from '../bounded/call-scope.js';

/**
 * `fetch` with a per-request limit, for Octokit (`request.fetch`): a GitHub that accepts the
 * connection and never answers fails the call with a message naming it, instead of waiting forever.
 */
export function timedFetch(service: string, timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let host = url;
    try {
      host = new URL(url).host;
    } catch {
      // Keep the raw text for the message.
    }
    return bounded(
      {
        what: `${service} at ${host}`,
        timeoutMs,
        timeoutError: () => new Error(`${service} at ${host} did not answer within ${timeoutMs} ms`),
      },
      (signal) => base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    );
  };
}
