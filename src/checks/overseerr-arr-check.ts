import type { ArrClient } from '../media/arr-client.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { guarded } from './guarded.js';
import { replyError } from '../media/network-failure.js';
import type { RequestFlavor } from '../config/media-schema.js';
import { callOverseerr, requestServerName } from '../media/overseerr-http.js';
import { pick } from './service-api-check.js';

export interface OverseerrTarget {
  readonly url: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  /** Overseerr (default) or Jellyseerr: the same Settings → Services routes and test endpoints. */
  readonly flavor?: RequestFlavor;
}

/** One configured Radarr/Sonarr (`media.radarr|sonarr`) that Overseerr's non-4K server entry should reach. */
export interface ArrTarget {
  readonly kind: 'radarr' | 'sonarr';
  readonly name: string;
  /** The key the bot uses; only compared with Overseerr's, never shown. */
  readonly apiKey: string;
  /** The bot's own client: when it cannot reach the app, the app's API check reports that, not this one. */
  readonly client: ArrClient;
}

interface Entry {
  readonly hostname: unknown;
  readonly port: unknown;
  readonly apiKey: unknown;
  readonly useSsl: unknown;
  readonly baseUrl: unknown;
}

const DEFAULT_PORT = { radarr: 7878, sonarr: 8989 } as const;

function call(target: OverseerrTarget, path: string, signal: AbortSignal, body?: Entry) {
  return callOverseerr(target, {
    method: body === undefined ? 'GET' : 'POST',
    path: `/settings/${path}`,
    signal,
    ...(body === undefined ? {} : { body }),
  });
}

/** Overseerr could not reach the app with its own settings (its test endpoint failed). */
function unreachable(name: string, arr: ArrTarget, entry: Entry, message: string): Finding {
  const where = `${String(entry.hostname)}:${String(entry.port)}${typeof entry.baseUrl === 'string' ? entry.baseUrl : ''}`;
  const keyDiffers = typeof entry.apiKey === 'string' && entry.apiKey !== arr.apiKey;
  return {
    summary: `${name} cannot reach ${arr.name} at ${where}: ${message}`,
    diagnosis: keyDiffers
      ? `The API key ${name} has for ${arr.name} differs from the one in media.${arr.kind}.apiKey; approved requests never reach ${arr.name}.`
      : `${name}'s hostname, port or URL base for ${arr.name} does not lead to ${arr.name}; approved requests never reach it.`,
    suggestion:
      `${name} → Settings → Services → ${arr.name}: hostname = the container name on the docker network both share (e.g. ${arr.kind}), ` +
      `port = the port inside the container (${DEFAULT_PORT[arr.kind]} unless changed), not a published one; ` +
      `API key = ${arr.name} → Settings → General → API Key; URL base only if ${arr.name} has one. Test, then Save.`,
  };
}

/** Profile and root folder of the entry against what Overseerr's test saw in the app. */
function compareChoices(name: string, arr: ArrTarget, entry: unknown, seen: unknown): Finding[] {
  const list = (key: string) => (Array.isArray(pick(seen, key)) ? (pick(seen, key) as unknown[]) : []);
  const profiles = list('profiles').map((p) => ({ id: pick(p, 'id'), name: String(pick(p, 'name')) }));
  const roots = list('rootFolders').map((r) => String(pick(r, 'path')));
  const profileId = pick(entry, 'activeProfileId');
  const profileName = pick(entry, 'activeProfileName');
  const dir = pick(entry, 'activeDirectory');
  const out: Finding[] = [];
  const profile = profiles.find((p) => p.id === profileId);
  if (profile === undefined || (typeof profileName === 'string' && profile.name !== profileName)) {
    out.push({
      summary: `${name}'s ${arr.name} server uses quality profile ${String(profileName)} (id ${String(profileId)}), which ${arr.name} does not have${profile === undefined ? '' : ` under that id (it is "${profile.name}")`}.`,
      diagnosis: `${arr.name} rejects or mis-files the movies and series ${name} sends.`,
      suggestion: `${name} → Settings → Services → ${arr.name} → Test, then choose one of: ${profiles.map((p) => p.name).join(', ')}; Save.`,
    });
  }
  if (typeof dir === 'string' && !roots.some((r) => r.replace(/\/+$/, '') === dir.replace(/\/+$/, ''))) {
    out.push({
      summary: `${name}'s ${arr.name} server uses root folder ${dir}, which is not a ${arr.name} root folder (${roots.join(', ') || 'none'}).`,
      diagnosis: `${arr.name} refuses to add what ${name} requests ("Root folder does not exist").`,
      suggestion: `${name} → Settings → Services → ${arr.name} → Test, then pick one of ${arr.name}'s root folders; Save.`,
    });
  }
  return out;
}

async function inspect(target: OverseerrTarget, arr: ArrTarget, signal: AbortSignal): Promise<Finding[]> {
  const name = requestServerName(target);
  await arr.client.qualityProfiles(signal);
  const listed = await call(target, arr.kind, signal);
  if (listed.status !== 200)
    throw replyError(listed.site, listed.status === 401 || listed.status === 403 ? 'unauthorized' : 'http-error', {
      status: listed.status,
    });
  const entry: unknown = (Array.isArray(listed.body) ? (listed.body as unknown[]) : []).find(
    (s) => pick(s, 'is4k') !== true,
  );
  if (entry === undefined) {
    return [
      {
        summary: `${name} has no (non-4K) ${arr.name} server.`,
        diagnosis: `Requests cannot be sent to ${arr.name}.`,
        suggestion: `${name} → Settings → Services → Add ${arr.name} server (its URL and API key), Test, pick a profile and root folder, Save.`,
      },
    ];
  }
  // Posted as read (real Overseerr lists the key); the key never goes into a finding or log line.
  const settings: Entry = {
    hostname: pick(entry, 'hostname'),
    port: pick(entry, 'port'),
    apiKey: pick(entry, 'apiKey'),
    useSsl: pick(entry, 'useSsl') ?? false,
    baseUrl: pick(entry, 'baseUrl') ?? '',
  };
  const tested = await call(target, `${arr.kind}/test`, signal, settings);
  if (tested.status === 200) return compareChoices(name, arr, entry, tested.body);
  if (tested.status !== 500) throw replyError(tested.site, 'http-error', { status: tested.status });
  const said = pick(tested.body, 'message');
  const secret = typeof settings.apiKey === 'string' && settings.apiKey !== '' ? settings.apiKey : undefined;
  const text = typeof said === 'string' ? said : 'HTTP 500';
  const message = secret === undefined ? text : text.split(secret).join('***');
  return [unreachable(name, arr, settings, message)];
}

/** `overseerr.arr-settings`: Overseerr's Radarr/Sonarr entries pass Overseerr's own test and use a profile and root folder those apps have. */
export function overseerrArrCheck(target: OverseerrTarget, arrs: readonly ArrTarget[]): Check {
  const flavor = target.flavor ?? 'overseerr';
  return defineCheck({
    id: `${flavor}.arr-settings`,
    service: flavor,
    title: `${requestServerName(target)}'s Radarr/Sonarr settings reach those apps and match them`,
    run: (_ctx, signal) =>
      guarded(async () => {
        const findings = (await Promise.all(arrs.map((a) => inspect(target, a, signal)))).flat();
        return findings.length > 0
          ? failed(...findings)
          : passed(`${arrs.map((a) => a.name).join(' and ')}: reachable, profile and root folder exist`);
      }),
  });
}
