import type { AppConfig } from '../config/schema.js';
import { UserError } from '../errors.js';
import type { BranchSnapshot } from '../git/snapshot-branch.js';
import { lintFluxRepo } from './cluster/flux-lint.js';
import { composeImages, lintRepo, type LintFinding } from './lint.js';

/** What `/drift lint` needs: the apps settings and a branch snapshot. */
export interface LintDeps {
  readonly config: Pick<AppConfig, 'apps'> & Partial<Pick<AppConfig, 'clusters' | 'limits'>>;
  readonly snapshot: () => Promise<BranchSnapshot>;
  readonly now: () => number;
  /** Of the given images (as compose names them), those whose image config on a host has a healthcheck. */
  readonly imageHealthchecks?: (images: readonly string[]) => Promise<ReadonlySet<string>>;
}

/** The lint result; its JSON form is the CLI's `--json` output. */
export interface LintReport {
  readonly generatedAt: string;
  readonly commit: string;
  readonly stacksWithFindings: number;
  readonly findings: readonly LintFinding[];
}

/** Lints the compose stacks of a fresh snapshot of the configured branch. */
export async function runLint(deps: LintDeps): Promise<LintReport> {
  const apps = deps.config.apps;
  if (apps === undefined)
    throw new UserError(
      'no-apps-repo',
      'No apps repository is configured: add an `apps` section (path and/or url) to the config.',
    );
  const generatedAt = new Date(deps.now()).toISOString();
  const snapshot = await deps.snapshot();
  try {
    const findings = [
      ...(await lintRepo(
        snapshot.dir,
        apps.stacksDir,
        deps.imageHealthchecks === undefined
          ? new Set()
          : await deps.imageHealthchecks(await composeImages(snapshot.dir, apps.stacksDir)),
        deps.config.limits?.composeFileSize,
      )),
      ...(await lintFluxClusters(snapshot.dir, deps.config.clusters ?? [])),
    ];
    return {
      generatedAt,
      commit: snapshot.commit,
      stacksWithFindings: new Set(findings.map((f) => f.stack)).size,
      findings,
    };
  } finally {
    await snapshot.dispose();
  }
}

/** The Flux conventions of every `flux` cluster's layout (each distinct layout once). */
async function lintFluxClusters(repoDir: string, clusters: NonNullable<AppConfig['clusters']>): Promise<LintFinding[]> {
  const layouts = new Map(
    clusters.flatMap((c) => (c.flavour === 'flux' ? [[JSON.stringify(c.layout), c.layout] as const] : [])),
  );
  return (await Promise.all([...layouts.values()].map((layout) => lintFluxRepo(repoDir, layout)))).flat();
}

/**
 * One line per finding: `stack/service rule: message — why — fix (how to silence)` (Flux findings
 * lead with `file:line`).
 */
export const renderLintLine = (f: LintFinding): string => {
  const where =
    f.file === undefined
      ? `${f.stack}${f.service === null ? '' : `/${f.service}`}`
      : `${f.file}:${String(f.line ?? 1)}`;
  const why = f.why === undefined ? '' : ` — why: ${f.why}`;
  const silence = f.silence === undefined ? '' : ` (${f.silence})`;
  return `\`${where}\` **${f.rule}**: ${f.message}${why} — fix: ${f.fix}${silence}`;
};

/** Markdown report of a lint run. */
export function renderLintMarkdown(r: LintReport): string {
  const head = [
    `# Lint ${r.generatedAt}`,
    '',
    `Commit ${r.commit.slice(0, 12)}: ${r.findings.length} finding(s) in ${r.stacksWithFindings} stack(s).`,
    '',
  ];
  return [...head, ...r.findings.map((f) => `- ${renderLintLine(f)}`), ''].join('\n');
}

/** Pretty JSON of a lint run. */
export const renderLintJson = (r: LintReport): string => `${JSON.stringify(r, null, 2)}\n`;
