import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogEntry } from '../../src/catalog/catalog-entry.js';
import { renderMermaid } from '../../src/catalog/render-mermaid.js';
import { parseFlowchart } from './mermaid-parse.js';

const entry = (host: string, stack: string, service: string, more: Partial<CatalogEntry> = {}): CatalogEntry => ({
  host,
  stack,
  service,
  image: `lscr.io/linuxserver/${service}:1.0`,
  version: '1.0',
  state: 'running',
  networks: [`${stack}_default`],
  binds: [],
  origin: 'git+running',
  ...more,
});

const media = '/srv/media';
const catalog: Catalog = {
  generatedAt: '2026-01-01T00:00:00.000Z',
  commit: 'abc',
  hosts: [
    { name: 'ct-media-01', reachable: true },
    { name: 'ct-docker-01', reachable: true },
  ],
  entries: [
    entry('ct-media-01', 'media-requests', 'overseerr'),
    entry('ct-media-01', 'media-indexers', 'radarr', {
      networks: ['media-indexers_default', 'proxy'],
      binds: [{ source: media, target: '/data' }],
    }),
    entry('ct-media-01', 'media-indexers', 'sonarr', { binds: [{ source: media, target: '/data' }] }),
    entry('ct-media-01', 'media-indexers', 'prowlarr'),
    entry('ct-media-01', 'media-downloads', 'gluetun'),
    entry('ct-media-01', 'media-downloads', 'qbittorrent', {
      networks: [],
      networkMode: 'service:gluetun',
      binds: [{ source: `${media}/downloads`, target: '/data/downloads' }],
    }),
    entry('ct-media-01', 'media-plex', 'plex', {
      binds: [
        { source: '/srv/plex', target: '/config' },
        { source: media, target: '/data' },
      ],
    }),
    // Names that would break naive Mermaid text: quotes, brackets, pipes, arrows.
    entry('ct-docker-01', 'odd "stack" [x]', 'we|ird-->name', { version: '<none>' }),
  ],
};

describe('renderMermaid (parsed by the real mermaid package)', () => {
  it('produces a flowchart Mermaid parses, with hosts → stacks → services as nested subgraphs', async () => {
    const chart = await parseFlowchart(renderMermaid(catalog));
    expect(chart.type).toBe('flowchart-v2');
    const byId = new Map(chart.vertices.map((v) => [v.id, v.text]));
    for (const e of catalog.entries) expect([...byId.values()]).toContain(`${e.service} · ${e.version}`);
    const host = chart.subgraphs.find((s) => s.title === 'host ct-media-01');
    const stack = chart.subgraphs.find((s) => s.title === 'stack media-indexers');
    expect(host?.nodes).toContain(stack?.id);
    expect(stack?.nodes.map((n) => byId.get(n))).toEqual(['radarr · 1.0', 'sonarr · 1.0', 'prowlarr · 1.0']);
    expect(chart.subgraphs.map((s) => s.title)).toContain('stack odd "stack" [x]');
  });

  it('draws the media pipeline, the Gluetun network and the media folder Plex reads', async () => {
    const chart = await parseFlowchart(renderMermaid(catalog));
    const name = (id: string): string => (chart.vertices.find((v) => v.id === id)?.text ?? id).split(' · ')[0] ?? '';
    const edges = chart.edges.map((e) => `${name(e.start)} ${e.text === '' ? '-.-' : `-${e.text}->`} ${name(e.end)}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'overseerr -requests-> radarr',
        'overseerr -requests-> sonarr',
        'radarr -searches-> prowlarr',
        'sonarr -searches-> prowlarr',
        'radarr -downloads-> qbittorrent',
        'qbittorrent -network via-> gluetun',
        'plex -reads-> media /srv/media',
        'radarr -writes-> media /srv/media',
        'qbittorrent -writes-> media /srv/media',
        'radarr -.- network proxy @ ct-media-01',
      ]),
    );
    expect(edges.filter((e) => e.startsWith('qbittorrent -.-'))).toEqual([]);
  });

  it('is rejected by the same parser when broken (the check can fail)', async () => {
    await expect(parseFlowchart(`${renderMermaid(catalog)}  n0 -->|"x| n1\n`)).rejects.toThrow(
      /Parse error|Lexical error/,
    );
  });
});
