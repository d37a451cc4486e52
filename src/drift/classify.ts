import type { DriftKind, Severity } from './drift-item.js';

/** One row of the severity table: the first row whose path pattern and kinds match wins. */
export interface SeverityRule {
  readonly path: RegExp;
  readonly kinds?: readonly DriftKind[];
  readonly severity: Severity;
  readonly why: string;
}

const ROUTING_LABEL = /^labels\.(traefik\.|caddy|homepage\.|com\.centurylinklabs\.watchtower\.)/;

/** The severity table as data (design §5); `SEVERITY.md` documents the same rows. */
export const SEVERITY_RULES: readonly SeverityRule[] = [
  { path: /.*/, kinds: ['missing-container', 'unparseable'], severity: 'breaking', why: 'service not running / stack cannot be deployed' },
  { path: /.*/, kinds: ['unmanaged-container'], severity: 'functional', why: 'runs outside git (orphan or hand-made)' },
  { path: /.*/, kinds: ['stale-stack'], severity: 'cosmetic', why: 'declared in git, deployed nowhere' },
  { path: /.*/, kinds: ['missing-release', 'not-ready'], severity: 'breaking', why: 'not installed / not reconciled: the workload may be down or stale' },
  { path: /.*/, kinds: ['unmanaged-release'], severity: 'functional', why: 'runs outside git (installed by hand)' },
  { path: /.*/, kinds: ['suspended', 'behind-git', 'drift-detected'], severity: 'functional', why: 'the cluster does not follow git' },
  { path: /^chart\.version$/, severity: 'functional', why: 'other version of the same chart' },
  { path: /^chart\.name$/, severity: 'breaking', why: 'different software' },
  { path: /^state$/, severity: 'breaking', why: 'container not running' },
  { path: /^config_files$/, severity: 'breaking', why: 'deployed without (or with another) endpoint override' },
  { path: /^image\.repo$/, severity: 'breaking', why: 'different software' },
  { path: /^image\./, severity: 'functional', why: 'other version of the same image' },
  { path: /^environment\./, kinds: ['removed'], severity: 'breaking', why: 'a variable the service needs is gone' },
  { path: /^environment\./, severity: 'functional', why: 'behaves differently' },
  { path: ROUTING_LABEL, severity: 'functional', why: 'routing / automation label' },
  { path: /^labels\./, severity: 'cosmetic', why: 'descriptive label' },
  { path: /^(ports|volumes|networks)\[|^network_mode$/, severity: 'breaking', why: 'unreachable or wrong data location' },
  { path: /^(command|entrypoint|user|privileged)$/, severity: 'breaking', why: 'process runs differently' },
  { path: /^(cap_add|devices)\[/, kinds: ['removed'], severity: 'breaking', why: 'missing privilege (e.g. NET_ADMIN, /dev/net/tun)' },
  { path: /^(restart|healthcheck\.|tmpfs\[|dns\[|extra_hosts\[|cap_add\[|cap_drop\[|devices\[|working_dir$)/, severity: 'functional', why: 'runs, but behaves differently' },
];

/** Severity of one difference; anything not in the table is functional. */
export function classify(path: string, kind: DriftKind, rules: readonly SeverityRule[] = SEVERITY_RULES): Severity {
  const rule = rules.find((r) => r.path.test(path) && (r.kinds === undefined || r.kinds.includes(kind)));
  return rule?.severity ?? 'functional';
}
