/**
 * Drift audit vs the bare minimum: a lab with ≥ 30 extra containers per host, then in the same
 * run (both hosts in parallel each time, median of `rounds`, default 3):
 *   - `runAudit` (snapshot, discovery, one SSH connection per host, list + inspect + image inspect,
 *     load + compare), and
 *   - the baseline `ssh -i key -p port -o UserKnownHostsFile=… root@127.0.0.1 'docker inspect $(docker ps -aq)'`
 *     per host (DOCKER_HOST comes from the lab sshd's SetEnv).
 * Prints both times and the ratio (goal ≤ 1.5×). Figures only; no assertions.
 *
 *   npx tsx bench/drift-audit.ts [extraPerHost=30] [rounds=3]
 */
import { loadavg } from 'node:os';
import { runAudit } from '../src/drift/run-audit.js';
import { createLogger } from '../src/log.js';
import { labAuditConfig, labAuditDeps } from '../test/integration/drift-harness.js';
import { startLab, type Lab } from '../lab/index.js';
import { baselineHost, median, timed } from './inspect-baseline.js';

const [extra = 30, rounds = 3] = process.argv.slice(2).map(Number);

async function measure(lab: Lab): Promise<void> {
  // Per-host phase times (connect / inspect / compare) go to stderr as JSON lines.
  const deps = labAuditDeps(lab, labAuditConfig(lab), createLogger({ level: 'debug' }, process.stderr));
  const audits: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = await timed(() => runAudit(deps));
    const b = await timed(() => Promise.all(lab.hosts.map(baselineHost)));
    audits.push(a.ms);
    baselines.push(b.ms);
    const hosts = a.value.report.hosts.map((h) => `${h.name}:${h.reachable ? 'ok' : (h.error ?? 'down')}`).join(' ');
    console.log(
      `round ${r + 1}: audit ${a.ms.toFixed(0)} ms (${a.value.report.servicesAudited} services, ${a.value.report.items.length} items, ${hosts}) · baseline ${b.ms.toFixed(0)} ms (${b.value.join('+')} containers)`,
    );
  }
  const audit = median(audits);
  const baseline = median(baselines);
  console.log(
    `median audit ${audit.toFixed(0)} ms · median baseline ${baseline.toFixed(0)} ms · ratio ${(audit / baseline).toFixed(2)}× (goal ≤ 1.5×) · load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

const lab = await startLab({ name: 'bench-audit', extraContainersPerHost: extra });
try {
  await measure(lab);
} finally {
  await lab.stop();
}
