import { z } from 'zod';
import { callMedia, type MediaCall, type MediaTarget } from './media-http.js';
import { scrubSecrets } from './media-error.js';
import { expectOk, parseBody, statusError } from './media-reply.js';
import {
  arrStatusSchema,
  testAllSchema,
  validationFailureSchema,
  type ArrStatus,
  type ProviderTestAll,
  type ValidationFailure,
} from './arr-schemas.js';

/** Connection settings of a Servarr app. */
export interface ArrClientOptions {
  /** Base URL including any URL base, e.g. `http://radarr.lan:7878`. */
  readonly url: string;
  readonly apiKey: string;
  /** Per-call timeout in ms (default 10 000). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** The result of `POST /{provider}/test`: a value, not an error (400 = the test failed). */
export type ProviderTest = { readonly ok: true } | { readonly ok: false; readonly failures: ValidationFailure[] };

type Query = MediaCall['query'];

/** Low-level Servarr API (`/api/v3` or `/api/v1`) shared by the Radarr, Sonarr and Prowlarr clients. */
export interface ArrApi {
  get<S extends z.ZodType>(path: string, schema: S, query?: Query, signal?: AbortSignal): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, schema: S, body: unknown, signal?: AbortSignal): Promise<z.infer<S>>;
  /** `GET /ping` (anonymous): true when the app answers `{"status":"OK"}`. */
  ping(signal?: AbortSignal): Promise<boolean>;
  status(signal?: AbortSignal): Promise<ArrStatus>;
  test(provider: string, resource: unknown, signal?: AbortSignal): Promise<ProviderTest>;
  testAll(provider: string, signal?: AbortSignal): Promise<ProviderTestAll>;
}

const failuresSchema = z.array(validationFailureSchema);

/** Builds the API for `service` (display name) under `apiPath` (e.g. `/api/v3`). */
export function createArrApi(service: string, apiPath: string, options: ArrClientOptions): ArrApi {
  const target: MediaTarget = {
    service,
    url: options.url,
    headers: { 'X-Api-Key': options.apiKey },
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  const call = (c: MediaCall) => callMedia(target, c);
  const api: ArrApi = {
    get: async (path, schema, query, signal) =>
      expectOk(
        await call({ method: 'GET', path: `${apiPath}${path}`, signal, ...(query === undefined ? {} : { query }) }),
        schema,
      ),
    post: async (path, schema, body, signal) =>
      expectOk(await call({ method: 'POST', path: `${apiPath}${path}`, body, signal }), schema),
    ping: async (signal) => {
      const reply = await call({ method: 'GET', path: '/ping', signal });
      return reply.status === 200 && (reply.body as { status?: unknown } | undefined)?.status === 'OK';
    },
    status: (signal) => api.get('/system/status', arrStatusSchema, undefined, signal),
    test: async (provider, resource, signal) => {
      const reply = await call({ method: 'POST', path: `${apiPath}/${provider}/test`, body: resource, signal });
      if (reply.status === 400)
        return {
          ok: false,
          failures: parseBody(reply, failuresSchema).map((f) => ({ ...f, errorMessage: scrubSecrets(f.errorMessage) })),
        };
      if (reply.status < 200 || reply.status > 299) throw statusError(reply);
      return { ok: true };
    },
    testAll: async (provider, signal) => {
      const reply = await call({ method: 'POST', path: `${apiPath}/${provider}/testall`, signal });
      if (reply.status === 400) {
        return parseBody(reply, testAllSchema).map((r) => ({
          ...r,
          validationFailures: r.validationFailures.map((f) => ({ ...f, errorMessage: scrubSecrets(f.errorMessage) })),
        }));
      }
      return expectOk(reply, testAllSchema);
    },
  };
  return api;
}
