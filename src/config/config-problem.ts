/** One thing wrong with the configuration, with its place in the file when known. */
export interface ConfigProblem {
  /** File the problem is in, as shown to the operator (`config.yaml`, `.env`). */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly col?: number;
  /** Key path such as `hosts[0].ssh.port`; empty for file-level problems. */
  readonly path: string;
  /** What is wrong and what is accepted. Never contains a secret value. */
  readonly message: string;
}

/** `['hosts', 0, 'ssh', 'port']` → `hosts[0].ssh.port`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    if (!/^[A-Za-z_][\w-]*$/.test(key)) return `${text}[${JSON.stringify(key)}]`;
    return text === '' ? key : `${text}.${key}`;
  }, '');
}

/** `config.yaml:12:5  hosts[0].ssh.port: expected a number from 1 to 65535, got "22a"`. */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.col ?? 1}`;
  const what = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  return `${where}  ${what}`;
}

/** The full human text of a failed load: a header line, then one line per problem in file order. */
export function formatProblems(file: string, problems: readonly ConfigProblem[]): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0),
  );
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [`Invalid configuration in ${file} (${count}):`, ...sorted.map((p) => `  ${formatProblem(p)}`)].join('\n');
}
