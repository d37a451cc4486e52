import { ExternalError } from '../errors.js';
import { probeHttp } from './probe-http.js';
import { pick } from './service-api-check.js';

export interface PlexTarget {
  readonly url: string;
  readonly token: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** One library section and its folders. */
export interface PlexSection {
  readonly key: string;
  readonly title: string;
  readonly type: string;
  readonly locations: readonly string[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

async function plexGet(target: PlexTarget, path: string, signal: AbortSignal): Promise<unknown> {
  const reply = await probeHttp({
    service: 'Plex', id: 'plex', url: `${target.url.replace(/\/+$/, '')}${path}`, signal, timeoutMs: target.timeoutMs,
    headers: { 'X-Plex-Token': target.token }, ...(target.fetch === undefined ? {} : { fetch: target.fetch }),
  });
  if (reply.status !== 200) throw new ExternalError('plex-http-error', `Plex answered HTTP ${reply.status} to ${path}`);
  return reply.body;
}

/** `GET /library/sections`: each section's key, title, type and `Location` paths. */
export async function plexSections(target: PlexTarget, signal: AbortSignal): Promise<PlexSection[]> {
  const body = await plexGet(target, '/library/sections', signal);
  return list(pick(body, 'MediaContainer', 'Directory')).map((d) => ({
    key: str(pick(d, 'key')), title: str(pick(d, 'title')), type: str(pick(d, 'type')),
    locations: list(pick(d, 'Location')).map((l) => str(pick(l, 'path'))).filter((p) => p !== ''),
  }));
}

/** One server preference from `GET /:/prefs` (JSON values may be bools or strings). */
export async function plexPref(target: PlexTarget, id: string, signal: AbortSignal): Promise<unknown> {
  const body = await plexGet(target, '/:/prefs', signal);
  const setting = list(pick(body, 'MediaContainer', 'Setting')).find((s) => pick(s, 'id') === id);
  return setting === undefined ? undefined : pick(setting, 'value');
}
