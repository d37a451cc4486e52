import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/** Turns Mermaid text into a PNG. */
export interface PngRenderer {
  render(mermaid: string): Promise<Uint8Array>;
}

/** A renderer, or why there is none (said in the chat message). */
export type PngRendererChoice = { readonly renderer: PngRenderer } | { readonly unavailable: string };

const browsers = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

async function onPath(names: readonly string[], path: string): Promise<string | undefined> {
  for (const name of names) {
    for (const dir of path.split(delimiter).filter((d) => d !== '')) {
      const file = join(dir, name);
      if (await access(file).then(() => true, () => false)) return file;
    }
  }
  return undefined;
}

function mermaidBundle(): string | undefined {
  try { return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'); } catch { return undefined; }
}

const page = (bundle: string, text: string): string => `<!doctype html><html><body style="background:#fff">
<pre class="mermaid">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>
<script src="file://${bundle}"></script><script>mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' });</script>
</body></html>`;

function chromiumRenderer(browser: string, bundle: string): PngRenderer {
  return {
    render: async (text) => {
      const dir = await mkdtemp(join(tmpdir(), 'hlb-catalog-'));
      try {
        await writeFile(join(dir, 'catalog.html'), page(bundle, text));
        const png = join(dir, 'catalog.png');
        await promisify(execFile)(browser, [
          '--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--hide-scrollbars',
          '--virtual-time-budget=10000', '--window-size=2000,1400', `--screenshot=${png}`, `file://${join(dir, 'catalog.html')}`,
        ], { timeout: 60_000 });
        return new Uint8Array(await readFile(png));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Headless Chromium on PATH plus the Mermaid browser bundle → a renderer; else the reason. */
export async function findPngRenderer(path = process.env['PATH'] ?? ''): Promise<PngRendererChoice> {
  const browser = await onPath(browsers, path);
  if (browser === undefined) return { unavailable: 'no headless Chromium found (install the Debian package `chromium` to get a PNG)' };
  const bundle = mermaidBundle();
  if (bundle === undefined) return { unavailable: 'the Mermaid browser bundle (npm package `mermaid`) is not installed' };
  return { renderer: chromiumRenderer(browser, bundle) };
}
