import type { LintReport } from '../../drift/run-lint.js';
import { renderLintJson, renderLintLine, renderLintMarkdown } from '../../drift/run-lint.js';
import type { Report } from '../../report/report.js';
import type { Processor } from './jobs.js';

/** What the lint job needs, wired by the composition root (`driftLintDeps` + `runLint`). */
export interface DriftLintJobDeps {
  readonly lint: () => Promise<LintReport>;
}

/** Findings shown inline; the rest are in the attachments. */
const INLINE = 15;

/** The lint Report: findings inline (capped) plus Markdown and JSON attachments. */
export function lintReport(r: LintReport): Report {
  const more = r.findings.length - INLINE;
  return {
    title: 'Compose lint',
    status: r.findings.length === 0 ? 'ok' : 'warning',
    summary:
      r.findings.length === 0
        ? `Every stack passes (commit ${r.commit.slice(0, 12)}).`
        : `${r.findings.length} finding(s) in ${r.stacksWithFindings} stack(s), commit ${r.commit.slice(0, 12)}.`,
    lines: [
      ...r.findings.slice(0, INLINE).map(renderLintLine),
      ...(more > 0 ? [`…and ${more} more in lint-report.md`] : []),
    ],
    attachments: [
      { filename: 'lint-report.md', content: renderLintMarkdown(r), contentType: 'text/markdown' },
      { filename: 'lint-report.json', content: renderLintJson(r), contentType: 'application/json' },
    ],
  };
}

/** `drift.lint`: lints the configured branch and reports the findings. */
export function driftLintProcessor(deps: DriftLintJobDeps): Processor<'drift.lint'> {
  return async (_payload, ctx) => {
    await ctx.progress('🔄 Linting compose stacks…');
    return lintReport(await deps.lint());
  };
}
