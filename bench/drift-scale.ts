/**
 * Drift audit at scale vs the one-round-trip baseline, plus the compiled CLI's start-up time.
 *
 * The lab has two dockerds (one per lab host). The audit covers `hosts` (default 5) configured
 * hosts: hosts 3+ reuse the sshd and dockerd of lab host 1/2 under their own name and their own
 * SSH connection, so every audited host lists and inspects `perHost` (default 60) containers. The
 * output says how many dockerds really served them. In the same run (median of `rounds`):
 *   - `runAudit` over every configured host (snapshot, one SSH connection per host, list +
 *     inspect + image inspect, load + compare), and
 *   - the baseline: per configured host `ssh host 'docker inspect $(docker ps -aq)'`, hosts in parallel.
 * Then `node dist/main.js --help` after `npm run build` (median of 5). Figures only; no assertions.
 *
 *   npx tsx bench/drift-scale.ts [hosts=5] [perHost=60] [rounds=3]
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { appConfigSchema, type HostConfig } from '../src/config/schema.js';
import { runAudit } from '../src/drift/run-audit.js';
import { createLogger } from '../src/log.js';
import { labAuditDeps } from '../test/integration/drift-harness.js';
import { hostConfigOf } from '../test/integration/infra-helpers.js';
import { startLab, type Lab, type LabHost } from '../lab/index.js';
import { baselineHost, median, timed } from './inspect-baseline.js';

const run = promisify(execFile);
const [hostCount = 5, perHost = 60, rounds = 3] = process.argv.slice(2).map(Number);

interface Audited {
  readonly config: HostConfig;
  readonly lab: LabHost;
}

function auditedHosts(lab: Lab): Audited[] {
  return Array.from({ length: hostCount }, (_, i) => {
    const host = lab.hosts[i % lab.hosts.length];
    if (host === undefined) throw new Error('lab without hosts');
    const extra = i < lab.hosts.length ? {} : { name: `${host.name}-x${i + 1}`, endpoint: `${host.endpoint}x${i + 1}` };
    return { config: hostConfigOf(host, {}, { readHostEnv: true, ...extra }), lab: host };
  });
}

async function measureAudit(lab: Lab): Promise<void> {
  const hosts = auditedHosts(lab);
  const config = appConfigSchema.parse({
    hosts: hosts.map((h) => h.config),
    apps: { url: `file://${lab.apps.remote}`, branch: 'main' },
  });
  // Per-host phase times (connect / inspect / compare) go to stderr as JSON lines.
  const deps = labAuditDeps(lab, config, createLogger({ level: 'debug' }, process.stderr));
  const audits: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    const a = await timed(() => runAudit(deps));
    const cpu = process.cpuUsage(cpu0);
    const b = await timed(() => Promise.all(hosts.map((h) => baselineHost(h.lab))));
    audits.push(a.ms);
    baselines.push(b.ms);
    const down = a.value.report.hosts.filter((h) => !h.reachable).map((h) => `${h.name}: ${h.error ?? ''}`);
    console.log(
      `round ${r + 1}: audit ${a.ms.toFixed(0)} ms (bot process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; ${a.value.report.hosts.length} hosts, ${a.value.report.servicesAudited} services, ` +
        `${a.value.report.items.length} items${down.length > 0 ? `, down: ${down.join('; ')}` : ''}) · ` +
        `baseline ${b.ms.toFixed(0)} ms (${b.value.join('+')} containers)`,
    );
  }
  const audit = median(audits);
  const baseline = median(baselines);
  console.log(
    `audit (median of ${rounds}): ${audit.toFixed(0)} ms · baseline (median): ${baseline.toFixed(0)} ms · ` +
      `ratio ${(audit / baseline).toFixed(2)}× (goal ≤ 1.3×) · load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

async function measureStartup(): Promise<void> {
  await run('npm', ['run', 'build'], { maxBuffer: 64 * 1024 * 1024 });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await timed(() => run('node', ['dist/main.js', '--help']))).ms);
  console.log(
    `compiled CLI start-up (node dist/main.js --help, median of 5): ${median(times).toFixed(0)} ms (goal < 400 ms); ` +
      `runs ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
  );
}

// The fixture stacks bring about 10 containers per host; the real counts are printed below.
const lab = await startLab({ name: 'bench-scale', extraContainersPerHost: Math.max(0, perHost - 10) });
try {
  const counts = await Promise.all(lab.hosts.map(baselineHost));
  console.log(
    `lab: ${lab.hosts.length} dockerds (${counts.join(' + ')} containers); auditing ${hostCount} configured hosts — ` +
      (hostCount > lab.hosts.length
        ? `this machine runs only ${lab.hosts.length} dockerds, so hosts ${lab.hosts.length + 1}–${hostCount} reuse them ` +
          `(own name, own SSH connection); every audited host has ${Math.min(...counts)}–${Math.max(...counts)} containers`
        : 'one dockerd each'),
  );
  await measureAudit(lab);
} finally {
  await lab.stop();
}
await measureStartup();
