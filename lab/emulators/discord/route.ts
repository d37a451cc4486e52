import type { EmulatorState } from './emulator-state.js';
import type { ParsedBody } from './http-io.js';
import type { EmuIdentity } from './payloads.js';
import type { SchemaName } from './validate-response.js';

/** What a route handler gets. `dispatch` sends a gateway event to connected clients. */
export interface RouteContext {
  readonly state: EmulatorState;
  readonly ids: EmuIdentity;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: ParsedBody;
  readonly dispatch: (event: string, data: unknown) => void;
}

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  /** When set, the body is validated against this discord-api-spec schema before sending. */
  readonly schema?: SchemaName;
}

export interface Route {
  readonly method: string;
  /** e.g. `/channels/:channel/messages/:message`. */
  readonly pattern: string;
  /** Bot routes need `Authorization: Bot <token>`; interaction/webhook routes carry none. */
  readonly auth: boolean;
  readonly handle: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** Finds the route for a decoded path (without `/api/v10`). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pat = route.pattern.split('/').filter((p) => p !== '');
    if (pat.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pat.every((p, i) => {
      const actual = parts[i] ?? '';
      if (p.startsWith(':')) {
        params[p.slice(1)] = actual;
        return true;
      }
      return p === actual;
    });
    if (ok) return { route, params };
  }
  return undefined;
}
