import { defineCheck, failed, passed, skipped, type Check, type Finding } from './check.js';
import type { ContainerFacts, ContainerView } from './container-view.js';
import { callMedia } from '../media/media-http.js';

/** A Servarr app whose API key other containers reference in their environment. */
export interface KeyOwner {
  readonly service: 'radarr' | 'sonarr' | 'prowlarr';
  readonly name: string;
  readonly url: string;
  readonly apiKey: string;
  /** `/api/v3` or `/api/v1`. */
  readonly apiPath: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** Env names that carry this app's key: `RADARR_API_KEY`, `RADARR_APIKEY`, `RADARR__AUTH__APIKEY`. */
const keyNames = (service: string): RegExp => new RegExp(`^${service.toUpperCase()}(_API_?KEY|__AUTH__APIKEY)$`);

function staleRefs(owner: KeyOwner, containers: readonly ContainerFacts[]): Finding[] {
  const pattern = keyNames(owner.service);
  return containers.flatMap((c) =>
    [...c.env]
      .filter(([name, value]) => pattern.test(name) && value !== '' && value !== owner.apiKey)
      .map(([name]) => ({
        summary: `${c.stack}/${c.service} (${c.name}) has ${name} set to a key ${owner.name} no longer accepts.`,
        diagnosis: `${owner.name}'s current API key (the one media.${owner.service}.apiKey uses) differs, so that container's calls to ${owner.name} fail with 401 — or, for ${owner.name} itself, its key changes back on the next recreate.`,
        suggestion: `Write ${name} as \${${owner.service.toUpperCase()}_API_KEY} in the compose file (the "Open fix PR" button does this), set that variable in the host .env to ${owner.name}'s current key, and recreate the container.`,
        fix: {
          stack: c.stack,
          service: c.service,
          field: `environment.${name}`,
          value: `\${${owner.service.toUpperCase()}_API_KEY}`,
          reason: `${name} must follow ${owner.name}'s current API key`,
        },
      })),
  );
}

/**
 * `<app>.key-references`: every compose container whose env carries this app's API key carries the
 * current one. The current key is the configured one once the app accepts it. Values are compared, never shown.
 */
export function apiKeyRefsCheck(owner: KeyOwner, containers: ContainerView): Check {
  return defineCheck({
    id: `${owner.service}.key-references`,
    service: owner.service,
    title: `Containers reference ${owner.name}'s current API key`,
    run: async (_ctx, signal) => {
      const target = {
        service: owner.name,
        url: owner.url,
        headers: { 'X-Api-Key': owner.apiKey },
        timeoutMs: owner.timeoutMs,
        ...(owner.fetch === undefined ? {} : { fetch: owner.fetch }),
      };
      const reply = await callMedia(target, { method: 'GET', path: `${owner.apiPath}/system/status`, signal }).catch(
        () => undefined,
      );
      if (reply?.status !== 200)
        return skipped(`not checked: ${owner.name} does not accept the configured key (see its API check)`);
      const findings = staleRefs(owner, await containers.all());
      return findings.length > 0 ? failed(...findings) : passed('no stale references');
    },
  });
}
