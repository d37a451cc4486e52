import { createOpenApiChecker } from './openapi-checker.js';
import { startHttpEmulator, type EmuReply, type EmuRequest, type HttpEmulator } from './http-emulator.js';
import type { ArrState } from './arr-state.js';

/** What a route handler gets. */
export interface ArrContext {
  readonly state: ArrState;
  readonly req: EmuRequest;
  /** The `{id}` path parameter, when the template has one. */
  readonly id: number;
  /** The emulator's own base URL (for Location headers and synced-indexer URLs). */
  readonly baseUrl: string;
}

export interface ArrRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Spec path template without the API prefix, e.g. `/movie/{id}`. */
  readonly template: string;
  readonly handle: (ctx: ArrContext) => EmuReply | Promise<EmuReply>;
}

export interface ArrServerOptions {
  readonly specFile: string;
  /** `/api/v3` or `/api/v1`. */
  readonly apiPath: string;
  readonly state: ArrState;
  readonly apiKey: string;
  readonly routes: readonly ArrRoute[];
}

/** The HTTP part plus the spec statuses that were sent but are not documented (e.g. 400 on /test). */
export interface ArrServer extends HttpEmulator {
  readonly undocumented: readonly string[];
}

export const json = (body: unknown, status = 200): EmuReply => ({ status, body });
export const message = (status: number, text: string): EmuReply => ({ status, body: { message: text } });
/** FluentValidation failure list (400), as Servarr sends it. */
export function validationFailure(
  propertyName: string,
  errorMessage: string,
  attemptedValue: unknown = null,
): EmuReply {
  return {
    status: 400,
    body: [
      {
        propertyName,
        errorMessage,
        attemptedValue,
        severity: 'error',
        errorCode: 'PredicateValidator',
        isWarning: false,
      },
    ],
  };
}

/** Servarr accepts the key from `?apikey=`, `X-Api-Key` or `Authorization: Bearer`. */
function keyOf(req: EmuRequest): string | undefined {
  const query = req.url.searchParams.get('apikey');
  if (query !== null) return query;
  const header = req.headers['x-api-key'];
  if (typeof header === 'string') return header;
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
}

function findRoute(
  routes: readonly ArrRoute[],
  method: string,
  path: string,
): { route: ArrRoute; id: number } | undefined {
  const ranked = [...routes].sort((a, b) => Number(a.template.includes('{')) - Number(b.template.includes('{')));
  for (const route of ranked) {
    if (route.method !== method) continue;
    // ASP.NET Core routing ignores case (Overseerr asks for `/qualityProfile`).
    const m = new RegExp(`^${route.template.replace(/\{[^}]+\}/, '(\\d+)')}$`, 'i').exec(path);
    if (m !== null) return { route, id: Number(m[1] ?? 0) };
  }
  return undefined;
}

/** Starts a Servarr-style emulator: anonymous `/ping`, key check (401, empty body), routing, contract validation. */
export async function startArrServer(options: ArrServerOptions): Promise<ArrServer> {
  const checker = createOpenApiChecker(options.specFile);
  const undocumented: string[] = [];
  let baseUrl = '';
  // With a URL base every route (ping included) lives under it; anything else is a 404.
  const local = (req: EmuRequest): string | undefined => {
    const base = options.state.urlBase;
    if (base === '') return req.url.pathname;
    return req.url.pathname.startsWith(`${base}/`) ? req.url.pathname.slice(base.length) : undefined;
  };
  const handle = async (req: EmuRequest): Promise<EmuReply> => {
    const path = local(req);
    if (path === undefined) return { status: 404, text: '' };
    if (path === '/ping') return json({ status: 'OK' });
    if (!path.startsWith(`${options.apiPath}/`)) return { status: 404, text: '' };
    if (keyOf(req) !== options.apiKey) return { status: 401, text: '' };
    const match = findRoute(options.routes, req.method, path.slice(options.apiPath.length));
    if (match === undefined) return message(404, 'NotFound');
    return match.route.handle({ state: options.state, req, id: match.id, baseUrl });
  };
  const validate = (req: EmuRequest, reply: EmuReply): string[] => {
    const path = local(req);
    const template = path === undefined ? undefined : checker.templateOf(req.method, path);
    if (template === undefined || reply.status === 401) return [];
    if (!checker.documented(req.method, template, reply.status)) {
      undocumented.push(`${req.method} ${template} ${reply.status}`);
      return [];
    }
    return checker.check(req.method, template, reply.status, reply.body);
  };
  const http = await startHttpEmulator({ handle, validate });
  baseUrl = http.url;
  return Object.assign(http, { undocumented });
}
