import type { Reply } from './overseerr-create.js';

const NAMES = { radarr: 'Radarr', sonarr: 'Sonarr' } as const;
const REQUIRED = ['hostname', 'port', 'apiKey', 'useSsl'] as const;
/** The emulator only dials loopback; any other hostname fails as an unresolvable name would. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * `POST /settings/radarr|sonarr/test` as server/routes/settings/{radarr,sonarr}.ts does it: a real
 * call to `http(s)://hostname:port<baseUrl>/api/v3` with `?apikey=` (ServarrBase): system/status
 * (urlBase, failure tolerated), qualityProfile, rootfolder, (Sonarr) languageprofile, tag. Any
 * failure → 500 `{message: 'Failed to connect to Radarr'}` (the error handler's shape).
 */
export async function testArrServer(kind: 'radarr' | 'sonarr', body: unknown): Promise<Reply> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const missing = REQUIRED.find((k) => b[k] === undefined);
  if (missing !== undefined) {
    const message = `request.body should have required property '${missing}'`;
    return { status: 400, body: { message, errors: [{ path: `.body.${missing}`, message, location: 'body' }] } };
  }
  const baseUrl = typeof b.baseUrl === 'string' ? b.baseUrl : '';
  const base = `${b.useSsl === true ? 'https' : 'http'}://${String(b.hostname)}:${String(b.port)}${baseUrl}/api/v3`;
  const get = async (path: string): Promise<unknown> => {
    if (!LOOPBACK.has(String(b.hostname))) throw new Error(`getaddrinfo ENOTFOUND ${String(b.hostname)}`);
    const res = await fetch(`${base}${path}?apikey=${encodeURIComponent(String(b.apiKey))}`, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`Request failed with status code ${res.status}`);
    return res.json();
  };
  try {
    const urlBase = await get('/system/status').then(
      (s) => (s as { urlBase?: unknown }).urlBase,
      () => b.baseUrl,
    );
    const profiles = await get('/qualityProfile');
    const folders = (await get('/rootfolder')) as { id: number; path: string }[];
    const languageProfiles = kind === 'sonarr' ? await get('/languageprofile') : undefined;
    const tags = await get('/tag');
    return {
      status: 200,
      body: {
        profiles,
        rootFolders: folders.map((f) => ({ id: f.id, path: f.path })),
        ...(languageProfiles === undefined ? {} : { languageProfiles }),
        tags,
        urlBase,
      },
    };
  } catch {
    return { status: 500, body: { message: `Failed to connect to ${NAMES[kind]}` } };
  }
}
