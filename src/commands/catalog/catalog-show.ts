import type { Attachment } from '../../chat/chat-port.js';
import type { Catalog } from '../../catalog/catalog-entry.js';
import { renderCatalogTable, type HealthLookup } from '../../catalog/render-catalog-table.js';
import { renderMermaid } from '../../catalog/render-mermaid.js';
import type { PngRendererChoice } from '../../catalog/render-png.js';
import type { Processor } from './jobs.js';

/** What `/catalog` needs, wired by the composition root. */
export interface CatalogJobDeps {
  readonly collect: () => Promise<Catalog>;
  /** Cached check results by service (none until a health run happened). */
  readonly health: () => Promise<HealthLookup>;
  readonly png: () => Promise<PngRendererChoice>;
}

async function pngAttachment(
  mermaid: string,
  deps: CatalogJobDeps,
): Promise<{ attachments: Attachment[]; note: string }> {
  const choice = await deps.png();
  if ('unavailable' in choice) return { attachments: [], note: `No PNG: ${choice.unavailable}.` };
  try {
    return {
      attachments: [
        { filename: 'catalog.png', content: await choice.renderer.render(mermaid), contentType: 'image/png' },
      ],
      note: 'Diagram rendered to catalog.png.',
    };
  } catch (error) {
    return {
      attachments: [],
      note: `No PNG: rendering failed (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unknown error'}).`,
    };
  }
}

/** `catalog.show`: collects the catalog and posts the table, the Mermaid source and maybe a PNG. */
export function catalogShowProcessor(deps: CatalogJobDeps): Processor<'catalog.show'> {
  return async (_payload, ctx) => {
    await ctx.progress('🔄 Reading compose files and running containers…');
    const catalog = await deps.collect();
    const mermaid = renderMermaid(catalog);
    const png = await pngAttachment(mermaid, deps);
    const down = catalog.hosts.filter((h) => !h.reachable);
    const running = catalog.entries.filter((e) => e.origin !== 'git-only').length;
    const unknown = catalog.entries.filter((e) => down.some((h) => h.name === e.host)).length;
    const unreachable =
      down.length === 0
        ? ''
        : ` ${String(down.length)} of ${String(catalog.hosts.length)} host(s) unreachable: their ${String(unknown)} service(s) are listed as git declares them, state unknown.`;
    return {
      title: 'Service catalog',
      // What git declares is listed even when no host answers: a warning, not a failure.
      status: down.length > 0 ? 'warning' : 'ok',
      summary: `${String(catalog.entries.length)} services (${String(running)} running) on ${String(catalog.hosts.length - down.length)}/${String(catalog.hosts.length)} hosts.${unreachable} ${png.note}`,
      lines: down.map((h) => `⚠️ ${h.name}: ${h.error ?? 'unreachable'}`),
      attachments: [
        {
          filename: 'catalog.md',
          content: renderCatalogTable(catalog, await deps.health()),
          contentType: 'text/markdown',
        },
        { filename: 'catalog.mmd', content: mermaid, contentType: 'text/plain' },
        ...png.attachments,
      ],
    };
  };
}
