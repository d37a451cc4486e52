/** A flowchart as the real Mermaid parser understood it. */
export interface ParsedFlowchart {
  readonly type: string;
  readonly vertices: readonly { readonly id: string; readonly text: string }[];
  readonly edges: readonly { readonly start: string; readonly end: string; readonly text: string }[];
  readonly subgraphs: readonly { readonly id: string; readonly title: string; readonly nodes: readonly string[] }[];
}

interface FlowDb {
  getVertices(): Map<string, { id: string; text: string }>;
  getEdges(): { start: string; end: string; text: string }[];
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
}
interface MermaidApi {
  parse(text: string): Promise<{ diagramType: string }>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: FlowDb }> };
}

// Module names in variables: mermaid's and jsdom's typings pull in the DOM lib, which this
// Node-only project does not compile against; the shapes used are declared above.
const mermaidModule = 'mermaid';
const jsdomModule = 'jsdom';

async function loadMermaid(): Promise<MermaidApi> {
  const { JSDOM } = (await import(jsdomModule)) as { JSDOM: new (html: string) => { window: { document: unknown } } };
  const g = globalThis as Record<string, unknown>;
  if (g['window'] === undefined) {
    const { window } = new JSDOM('');
    g['window'] = window;
    g['document'] = window.document;
  }
  return ((await import(mermaidModule)) as { default: MermaidApi }).default;
}

const named: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', amp: '&' };
/** Mermaid keeps `#lt;`-style entities encoded (as `ﬂ°lt¶ß` in node text); back to plain text. */
const decode = (text: string): string =>
  text.replace(/(?:ﬂ°|#)(\w+)(?:¶ß|;)/g, (whole, name: string) => named[name] ?? whole);

/** Parses Mermaid text with the real mermaid package (on jsdom); rejects with Mermaid's parse error. */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
  const mermaid = await loadMermaid();
  const { diagramType } = await mermaid.parse(text);
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  return {
    type: diagramType,
    vertices: [...db.getVertices().values()].map((v) => ({ id: v.id, text: decode(v.text) })),
    edges: db.getEdges().map((e) => ({ start: e.start, end: e.end, text: decode(e.text) })),
    subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: decode(s.title), nodes: [...s.nodes] })),
  };
}
