import type { Catalog, CatalogEntry } from './catalog-entry.js';
import { mediaFolders, pipelineEdges } from './media-pipeline.js';

/** Text inside a quoted Mermaid label (quotes and angle brackets as entities). */
const label = (text: string): string => `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/**
 * `catalog.mmd`: a Mermaid flowchart of hosts → stacks → services (nested subgraphs), the engine
 * networks each service joins (per host), the media pipeline (Overseerr → Radarr/Sonarr →
 * Prowlarr, downloads to qBittorrent, qBittorrent via Gluetun) and the media folders Plex or Jellyfin reads.
 */
export function renderMermaid(catalog: Catalog): string {
  const ids = new Map<CatalogEntry, string>(catalog.entries.map((e, i) => [e, `n${String(i)}`]));
  const id = (e: CatalogEntry): string => ids.get(e) ?? 'unknown';
  const lines = ['flowchart LR'];
  // Networks are per host (engine networks): drawn inside their host's box, joined by dotted links.
  const networks = [...new Set(catalog.entries.flatMap((e) => e.networks.map((n) => `${e.host}\u0000${n}`)))];
  const netId = (host: string, name: string): string => `w${String(networks.indexOf(`${host}\u0000${name}`))}`;
  [...groupBy(catalog.entries, (e) => e.host)].forEach(([host, onHost], h) => {
    lines.push(`  subgraph h${String(h)}[${label(`host ${host}`)}]`);
    [...groupBy(onHost, (e) => e.stack)].forEach(([stack, inStack], s) => {
      lines.push(`    subgraph h${String(h)}s${String(s)}[${label(`stack ${stack}`)}]`);
      for (const e of inStack) lines.push(`      ${id(e)}[${label(`${e.service} · ${e.version}`)}]`);
      lines.push('    end');
    });
    for (const name of new Set(onHost.flatMap((e) => e.networks)))
      lines.push(`    ${netId(host, name)}{{${label(`network ${name} @ ${host}`)}}}`);
    lines.push('  end');
  });
  for (const e of catalog.entries) for (const name of e.networks) lines.push(`  ${id(e)} -.- ${netId(e.host, name)}`);
  for (const edge of pipelineEdges(catalog.entries))
    lines.push(`  ${id(edge.from)} -->|${label(edge.label)}| ${id(edge.to)}`);
  mediaFolders(catalog.entries).forEach((f, i) => {
    lines.push(`  f${String(i)}[(${label(`media ${f.folder}`)})]`);
    for (const u of f.users) lines.push(`  ${id(u.entry)} -->|${label(u.reads ? 'reads' : 'writes')}| f${String(i)}`);
  });
  return `${lines.join('\n')}\n`;
}
