/** What a `helm upgrade --install NAME CHART …` command pins. */
export interface HelmInstallLine {
  readonly release: string;
  readonly chart: string;
  readonly namespace?: string;
  readonly version?: string;
  /** 1-based line of the command in its file. */
  readonly line: number;
}

const VALUE_FLAGS = new Set([
  '-f',
  '--values',
  '--set',
  '--set-string',
  '--set-file',
  '--set-json',
  '--repo',
  '--timeout',
  '--post-renderer',
  '--kube-context',
  '--description',
  '--history-max',
]);

/** The command's words with `\` line continuations joined; comments dropped. */
function commands(text: string): { words: string[]; line: number }[] {
  const out: { words: string[]; line: number }[] = [];
  let pending: { parts: string[]; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\s#.*$/, '').replace(/^\s*#.*$/, '');
    const continued = /\\\s*$/.test(line);
    const part = line.replace(/\\\s*$/, '');
    pending =
      pending === undefined ? { parts: [part], line: index + 1 } : { ...pending, parts: [...pending.parts, part] };
    if (continued) return;
    out.push({
      words: pending.parts
        .join(' ')
        .split(/\s+/)
        .filter((w) => w !== '')
        .map((w) => w.replace(/^["']|["']$/g, '')),
      line: pending.line,
    });
    pending = undefined;
  });
  return out;
}

function parseWords(words: readonly string[], line: number): HelmInstallLine | undefined {
  const start = words.indexOf('helm');
  if (start < 0) return undefined;
  const rest = words.slice(start + 1);
  const isInstall =
    (rest[0] === 'upgrade' && rest.includes('--install')) ||
    (rest[0] === 'upgrade' && rest.includes('-i')) ||
    rest[0] === 'install';
  if (!isInstall) return undefined;
  const positional: string[] = [];
  let namespace: string | undefined;
  let version: string | undefined;
  for (let i = 1; i < rest.length; i++) {
    const w = rest[i] ?? '';
    const [flag, inline] =
      w.includes('=') && w.startsWith('-') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
    const value = (): string => inline ?? rest[++i] ?? '';
    if (flag === '-n' || flag === '--namespace') namespace = value();
    else if (flag === '--version') version = value();
    else if (VALUE_FLAGS.has(flag)) value();
    else if (!flag.startsWith('-')) positional.push(flag);
  }
  const [release, chart] = positional;
  if (release === undefined || chart === undefined) return undefined;
  return {
    release,
    chart,
    line,
    ...(namespace === undefined ? {} : { namespace }),
    ...(version === undefined ? {} : { version }),
  };
}

/** The first `helm upgrade --install` / `helm install` command in a script or README, if any. */
export function findHelmInstall(text: string): HelmInstallLine | undefined {
  for (const { words, line } of commands(text)) {
    const found = parseWords(words, line);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A chart reference's bare name: `traefik/traefik` → `traefik`, `oci://r/x/podinfo` → `podinfo`. */
export const chartName = (chart: string): string => chart.split('/').pop() ?? chart;
