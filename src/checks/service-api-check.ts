import { defineCheck, failed, passed, type Check, type ServiceName } from './check.js';
import { failureFinding, statusFinding } from './failure-finding.js';
import { callMedia } from '../media/media-http.js';

/** One GET of an API check; `version` reads the version from its body when it carries one. */
export interface ApiProbe {
  readonly path: string;
  readonly version?: (body: unknown) => string | undefined;
  /** A failure of this probe is ignored (e.g. a version route the API key's role may not cover). */
  readonly optional?: boolean;
}

/** How to ask one HTTP service "are you there, which version, do you accept our key". */
export interface ApiSpec {
  readonly service: ServiceName;
  /** Display name, e.g. `Radarr`. */
  readonly name: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Run in order; the first failure decides. */
  readonly probes: readonly ApiProbe[];
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** Reads `obj.a.b` when every step is an object; undefined otherwise. */
export function pick(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

export const textAt =
  (...path: string[]) =>
  (body: unknown): string | undefined => {
    const v = pick(body, ...path);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };

/** `<service>.api`: reachable, version known, credentials accepted (refused/timeout/DNS/TLS/401 told apart). */
export function serviceApiCheck(spec: ApiSpec): Check {
  const where = `media.${spec.service}`;
  return defineCheck({
    id: `${spec.service}.api`,
    service: spec.service,
    title: `${spec.name} reachable and credentials valid`,
    run: async (_ctx, signal) => {
      let version: string | undefined;
      for (const probe of spec.probes) {
        try {
          const target = {
            service: spec.name,
            url: spec.url,
            headers: spec.headers,
            timeoutMs: spec.timeoutMs,
            ...(spec.fetch === undefined ? {} : { fetch: spec.fetch }),
          };
          const reply = await callMedia(target, { method: 'GET', path: probe.path, signal });
          if (reply.status < 200 || reply.status > 299) {
            if (probe.optional === true) continue;
            return failed(statusFinding(reply.status, spec.name, where));
          }
          version ??= probe.version?.(reply.body);
        } catch (error) {
          const finding = failureFinding(error, spec.name, where);
          if (finding === undefined) throw error;
          return failed(finding);
        }
      }
      return passed(version === undefined ? 'reachable' : `version ${version}`);
    },
  });
}
