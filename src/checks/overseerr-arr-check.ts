import { ExternalError } from '../errors.js';
import type { ArrClient } from '../media/arr-client.js';
import { defineCheck, failed, passed, type Check, type Finding } from './check.js';
import { guarded } from './guarded.js';
import { probeHttp } from './probe-http.js';
import { pick } from './service-api-check.js';

export interface OverseerrTarget {
  readonly url: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** One configured Radarr/Sonarr that Overseerr's non-4K server entry should match. */
export interface ArrTarget {
  readonly kind: 'radarr' | 'sonarr';
  readonly name: string;
  readonly client: ArrClient;
}

async function servers(target: OverseerrTarget, kind: string, signal: AbortSignal): Promise<unknown[]> {
  const reply = await probeHttp({
    service: 'Overseerr', id: 'overseerr', url: `${target.url.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}/api/v1/settings/${kind}`,
    headers: { 'X-Api-Key': target.apiKey }, signal, timeoutMs: target.timeoutMs, ...(target.fetch === undefined ? {} : { fetch: target.fetch }),
  });
  if (reply.status !== 200) throw new ExternalError('overseerr-http-error', `Overseerr answered HTTP ${reply.status} to settings/${kind}`);
  return Array.isArray(reply.body) ? (reply.body as unknown[]) : [];
}

async function compare(target: OverseerrTarget, arr: ArrTarget, signal: AbortSignal): Promise<Finding[]> {
  const entry = (await servers(target, arr.kind, signal)).find((s) => pick(s, 'is4k') !== true);
  if (entry === undefined) {
    return [{ summary: `Overseerr has no (non-4K) ${arr.name} server.`, diagnosis: `Requests cannot be sent to ${arr.name}.`, suggestion: `Overseerr → Settings → Services → Add ${arr.name} server (its URL and API key), Test, pick a profile and root folder, Save.` }];
  }
  const [profiles, roots] = await Promise.all([arr.client.qualityProfiles(signal), arr.client.rootFolders(signal)]);
  const profileId = pick(entry, 'activeProfileId');
  const profileName = pick(entry, 'activeProfileName');
  const dir = pick(entry, 'activeDirectory');
  const out: Finding[] = [];
  const profile = profiles.find((p) => p.id === profileId);
  if (profile === undefined || (typeof profileName === 'string' && profile.name !== profileName)) {
    out.push({
      summary: `Overseerr's ${arr.name} server uses quality profile ${String(profileName)} (id ${String(profileId)}), which ${arr.name} does not have${profile === undefined ? '' : ` under that id (it is "${profile.name}")`}.`,
      diagnosis: `${arr.name} rejects or mis-files the movies and series Overseerr sends.`,
      suggestion: `Overseerr → Settings → Services → ${arr.name} → Test, then choose one of: ${profiles.map((p) => p.name).join(', ')}; Save.`,
    });
  }
  if (typeof dir === 'string' && !roots.some((r) => r.path.replace(/\/+$/, '') === dir.replace(/\/+$/, ''))) {
    out.push({
      summary: `Overseerr's ${arr.name} server uses root folder ${dir}, which is not a ${arr.name} root folder (${roots.map((r) => r.path).join(', ') || 'none'}).`,
      diagnosis: `${arr.name} refuses to add what Overseerr requests ("Root folder does not exist").`,
      suggestion: `Overseerr → Settings → Services → ${arr.name} → Test, then pick one of ${arr.name}'s root folders; Save.`,
    });
  }
  return out;
}

/** `overseerr.arr-settings`: Overseerr's Radarr/Sonarr entries use a quality profile and root folder those apps have. */
export function overseerrArrCheck(target: OverseerrTarget, arrs: readonly ArrTarget[]): Check {
  return defineCheck({
    id: 'overseerr.arr-settings',
    service: 'overseerr',
    title: "Overseerr's Radarr/Sonarr settings match those apps",
    run: (_ctx, signal) => guarded(async () => {
      const findings = (await Promise.all(arrs.map((a) => compare(target, a, signal)))).flat();
      return findings.length > 0 ? failed(...findings) : passed(`${arrs.map((a) => a.name).join(' and ')}: profile and root folder exist`);
    }),
  });
}
