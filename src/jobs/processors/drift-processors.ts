import type { AppConfig } from '../../config/schema.js';
import { driftAuditDeps, driftLintDeps } from '../../drift/cli-audit.js';
import { runAudit } from '../../drift/run-audit.js';
import { runLint } from '../../drift/run-lint.js';
import type { Logger } from '../../log.js';
import type { Processors } from '../processor.js';
import { driftAuditProcessor } from './drift-audit.js';
import { driftLintProcessor } from './drift-lint.js';

type DriftJobs = 'drift.audit' | 'drift.lint';

/**
 * The real drift processors for a loaded config: SSH/Docker through `src/infra`, snapshots of
 * `apps.branch` under `cacheDir`. The composition root spreads them over `processors`.
 */
export function driftProcessors(config: AppConfig, log: Logger, cacheDir?: string): Pick<Processors, DriftJobs> {
  const cache = cacheDir === undefined ? {} : { cacheDir };
  return {
    'drift.audit': driftAuditProcessor({ audit: (options) => runAudit(driftAuditDeps(config, { log, ...cache }), options) }),
    'drift.lint': driftLintProcessor({ lint: () => runLint(driftLintDeps(config, cache)) }),
  };
}
