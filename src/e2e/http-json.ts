import { ExternalError } from '../errors.js';

/** One service the e2e steps talk to: its name (for messages), base URL and auth headers. */
export interface HttpTarget {
  readonly service: string;
  readonly baseUrl: string;
  /** Auth headers; they never appear in errors or logs. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface HttpCall {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
}

export interface HttpReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function requestInit(target: HttpTarget, call: HttpCall): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json', ...target.headers };
  let body: string | undefined;
  if (call.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(call.form).toString();
  }
  return { method: call.method ?? 'GET', headers, signal: AbortSignal.timeout(target.timeoutMs), ...(body === undefined ? {} : { body }) };
}

/** One HTTP call; network failures and timeouts become `<service>-unreachable` ExternalErrors. */
export async function httpJson(target: HttpTarget, path: string, call: HttpCall = {}): Promise<HttpReply> {
  const query = call.query === undefined ? '' : `?${new URLSearchParams(Object.entries(call.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
  const url = `${target.baseUrl.replace(/\/+$/, '')}${path}${query}`;
  try {
    const response = await fetch(url, requestInit(target, call));
    return { status: response.status, body: parse(await response.text()), headers: response.headers };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const why = timedOut ? `did not answer within ${target.timeoutMs} ms` : 'is unreachable';
    throw new ExternalError(`${target.service.toLowerCase()}-unreachable`, `${target.service} ${why} (${target.baseUrl}).`, {
      context: { service: target.service, path }, cause: error,
    });
  }
}

/** The body of a 2xx reply, else an ExternalError naming the service, call and status. */
export async function getOk(target: HttpTarget, path: string, call: HttpCall = {}): Promise<unknown> {
  const reply = await httpJson(target, path, call);
  if (reply.status >= 200 && reply.status < 300) return reply.body;
  const auth = reply.status === 401 || reply.status === 403;
  const detail = auth ? ' (check its API key / credentials in the config)' : '';
  throw new ExternalError(`${target.service.toLowerCase()}-http-${reply.status}`,
    `${target.service} answered HTTP ${reply.status} to ${call.method ?? 'GET'} ${path}${detail}.`, {
      context: { service: target.service, path, status: reply.status }, retryable: reply.status >= 500,
    });
}
