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
      if (
        await access(file).then(
          () => true,
          () => false,
        )
      )
        return file;
    }
  }
  return undefined;
}

/**
 * The Mermaid browser bundle: `MERMAID_BUNDLE` (the Docker image ships the one file there, since
 * the npm package is a dev dependency), else the `mermaid` package when installed.
 */
async function mermaidBundle(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const configured = env['MERMAID_BUNDLE'];
  if (configured !== undefined && configured !== '')
    return (await access(configured).then(
      () => true,
      () => false,
    ))
      ? configured
      : undefined;
  try {
    return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  } catch {
    return undefined;
  }
}

// Renders at natural size (no max width) and writes the diagram's size into the title, so a
// first run (--dump-dom) can size the window of the second (--screenshot).
const page = (bundle: string, text: string): string => `<!doctype html><html><body style="background:#fff;margin:0">
<pre class="mermaid">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>
<script src="file://${bundle}"></script><script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { useMaxWidth: false } });
mermaid.run().then(() => { const b = document.querySelector('svg').getBoundingClientRect(); document.title = Math.ceil(b.right) + 'x' + Math.ceil(b.bottom); });
</script></body></html>`;

const MAX_SIDE = 8000;

/** `WxH` from the rendered page's title; a default when the page did not say. */
function sizeOf(dom: string): { width: number; height: number } {
  const m = /<title>(\d+)x(\d+)<\/title>/.exec(dom);
  const clamp = (n: string | undefined, fallback: number): number =>
    Math.min(MAX_SIDE, Math.max(200, Number(n ?? fallback) + 32));
  return { width: clamp(m?.[1], 1600), height: clamp(m?.[2], 1200) };
}

function chromiumRenderer(browser: string, bundle: string): PngRenderer {
  return {
    render: async (text) => {
      const dir = await mkdtemp(join(tmpdir(), 'hlb-catalog-'));
      try {
        await writeFile(join(dir, 'catalog.html'), page(bundle, text));
        const url = `file://${join(dir, 'catalog.html')}`;
        const png = join(dir, 'catalog.png');
        const flags = [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--allow-file-access-from-files',
          '--hide-scrollbars',
          '--virtual-time-budget=10000',
        ];
        const run = promisify(execFile);
        const { stdout } = await run(browser, [...flags, '--dump-dom', url], {
          timeout: 60_000,
          maxBuffer: 32 * 1024 * 1024,
        });
        const { width, height } = sizeOf(stdout);
        await run(browser, [...flags, `--window-size=${String(width)},${String(height)}`, `--screenshot=${png}`, url], {
          timeout: 60_000,
        });
        return new Uint8Array(await readFile(png));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Headless Chromium on PATH plus the Mermaid browser bundle → a renderer; else the reason. */
export async function findPngRenderer(
  path = process.env['PATH'] ?? '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<PngRendererChoice> {
  const browser = await onPath(browsers, path);
  if (browser === undefined)
    return {
      unavailable:
        'no headless Chromium found (install the Debian package `chromium`, or build the Docker image with `--build-arg WITH_CHROMIUM=true`, to get a PNG)',
    };
  const bundle = await mermaidBundle(env);
  if (bundle === undefined)
    return {
      unavailable: `the Mermaid browser bundle is missing (${env['MERMAID_BUNDLE'] ?? 'npm package `mermaid`'} not found)`,
    };
  return { renderer: chromiumRenderer(browser, bundle) };
}
