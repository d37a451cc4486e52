import type { AppConfig } from '../../config/schema.js';
import type { AuditOptions, AuditResult } from '../../drift/audit-report.js';
import { driftAuditDeps, driftLintDeps } from '../../drift/cli-audit.js';
import { runAudit } from '../../drift/run-audit.js';
import { runLint } from '../../drift/run-lint.js';
import type { Logger } from '../../log.js';
import type { Processors } from '../../jobs/processor.js';
import { driftAuditProcessor } from './drift-audit-processor.js';
import { driftLintProcessor } from './drift-lint-processor.js';

type DriftJobs = 'drift.audit' | 'drift.lint';

/** Told about every finished audit (metrics: drift items by severity). */
export type AuditObserver = (result: AuditResult, options: AuditOptions) => void;

/**
 * The real drift processors for a loaded config: SSH/Docker through `src/infra`, snapshots of
 * `apps.branch` under `cacheDir`. The composition root spreads them over `processors`.
 */
export function driftProcessors(config: AppConfig, log: Logger, cacheDir?: string, onAudit?: AuditObserver): Pick<Processors, DriftJobs> {
  const cache = cacheDir === undefined ? {} : { cacheDir };
  const audit = async (options: AuditOptions): Promise<AuditResult> => {
    const result = await runAudit(driftAuditDeps(config, { log, ...cache }), options);
    onAudit?.(result, options);
    return result;
  };
  return {
    'drift.audit': driftAuditProcessor({ audit, openPrButtons: config.apps?.forge !== undefined }),
    'drift.lint': driftLintProcessor({ lint: () => runLint(driftLintDeps(config, cache)) }),
  };
}
