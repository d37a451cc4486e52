import type { AppConfig } from '../../config/schema.js';
import type { AuditOptions, AuditResult } from '../../drift/audit-report.js';
import { driftAuditDeps, driftLintDeps, type AuditConnections } from '../../drift/cli-audit.js';
import { runAudit } from '../../drift/run-audit.js';
import type { AuditObserver } from '../feature-context.js';
import { runLint } from '../../drift/run-lint.js';
import type { Logger } from '../../log.js';
import type { Processors } from './jobs.js';
import { driftAuditProcessor } from './drift-audit-processor.js';
import { driftLintProcessor } from './drift-lint-processor.js';

type DriftJobs = 'drift.audit' | 'drift.lint';

/**
 * The drift processors for a loaded config: hosts through `connect` (the root's SSH/Docker
 * adapter), snapshots of `apps.branch` under `cacheDir`.
 */
export function driftProcessors(
  config: AppConfig,
  log: Logger,
  connections: AuditConnections,
  cacheDir?: string,
  onAudit?: AuditObserver,
): Pick<Processors, DriftJobs> {
  const cache = cacheDir === undefined ? {} : { cacheDir };
  const via = connections;
  const audit = async (options: AuditOptions): Promise<AuditResult> => {
    const result = await runAudit(driftAuditDeps(config, { log, ...cache, ...via }), options);
    onAudit?.(result, options);
    return result;
  };
  return {
    'drift.audit': driftAuditProcessor({ audit, openPrButtons: config.apps?.forge !== undefined }),
    'drift.lint': driftLintProcessor({
      lint: () => runLint(driftLintDeps(config, { ...cache, connect: via.connect })),
    }),
  };
}
