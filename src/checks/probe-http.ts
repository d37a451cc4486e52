import { failureText, ServiceCallError, toFailureCode } from '../media/network-failure.js';

/** A reply's status and body (JSON when it parses, else the text). */
export interface ProbeReply {
  readonly status: number;
  readonly body: unknown;
}

export interface ProbeRequest {
  /** Display name, e.g. `Radarr`. */
  readonly service: string;
  /** Service id for error codes, e.g. `radarr`. */
  readonly id: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** GET unless given; a `body` is sent as JSON. */
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly signal: AbortSignal;
  /** The call's own limit (keep it under the check's, so a hang reads as a timeout finding). */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/**
 * One HTTP call for a check. Network failures become `ServiceCallError`s with a failure code (refused,
 * timeout, dns, tls); any HTTP status is returned for the check to judge.
 */
export async function probeHttp(request: ProbeRequest): Promise<ProbeReply> {
  const doFetch = request.fetch ?? fetch;
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]);
  try {
    const json = request.body === undefined ? {} : { 'Content-Type': 'application/json' };
    const response = await doFetch(request.url, {
      method: request.method ?? 'GET', headers: { Accept: 'application/json', ...json, ...request.headers }, signal,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await response.text();
    let body: unknown = text;
    try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: response.status, body };
  } catch (error) {
    const failure = signal.aborted ? 'timeout' : toFailureCode(error);
    throw new ServiceCallError(request.id, failure, failureText(failure, request.service, request.url, request.timeoutMs), { cause: error });
  }
}
