import type { Catalog, CatalogEntry } from './catalog-entry.js';

/** Health per service name as the checks last saw it (`radarr` → `ok`); absent when never checked. */
export type HealthLookup = (entry: CatalogEntry) => string | undefined;

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The health column: the checks' verdict when there is one, plus the container state. */
export const healthText = (entry: CatalogEntry, health: HealthLookup): string => {
  const checked = health(entry);
  return checked === undefined ? entry.state : `${checked} · ${entry.state}`;
};

/** `catalog.md`: one row per service (service, stack, host, image, version, URL, health). */
export function renderCatalogTable(catalog: Catalog, health: HealthLookup = () => undefined): string {
  const rows = [...catalog.entries]
    .sort(
      (a, b) => a.host.localeCompare(b.host) || a.stack.localeCompare(b.stack) || a.service.localeCompare(b.service),
    )
    .map(
      (e) =>
        `| ${[e.service, e.stack, e.host, `\`${e.image}\``, e.version, e.url ?? '—', healthText(e, health)].map(cell).join(' | ')} |`,
    );
  const down = catalog.hosts
    .filter((h) => !h.reachable)
    .map((h) => `- ⚠️ ${h.name} could not be read: ${h.error ?? 'unreachable'}`);
  return [
    `# Service catalog ${catalog.generatedAt}`,
    '',
    `Commit ${catalog.commit.slice(0, 12)} · ${String(catalog.entries.length)} services on ${String(catalog.hosts.length)} host(s)`,
    ...(down.length > 0 ? ['', ...down] : []),
    '',
    '| Service | Stack | Host | Image | Version | URL | Health |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
