import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, labProcesses, requireLab, requireService, stopLab } from '../../lab/index.js';
import { labPaths } from '../../lab/lab-paths.js';
import { mountsBelow } from '../../lab/lab-processes.js';
import { readEnvFile, startDemoProcess, type DemoProcess } from './demo-process.js';
import { leftoversAfter } from './shell-process.js';

/** The demo's own lab name under this run's tag: `<HLB_LAB_TAG>it-homelab-demo`, never a user's demo. */
const childTag = `${process.env['HLB_LAB_TAG'] ?? ''}it-`;
const labName = 'it-homelab-demo';
const stateDir = labPaths(labName).stateDir;

interface OverseerrRequest {
  readonly media?: { readonly tmdbId?: number };
  readonly requestedBy?: { readonly id?: number };
}

/** Requests the demo's Overseerr emulator holds, read over its API with the demo config's URL and key. */
async function overseerrRequests(): Promise<OverseerrRequest[]> {
  const url = /overseerr:\n\s+url: (\S+)/.exec(readFileSync(join(stateDir, 'config.yaml'), 'utf8'))?.[1];
  const key = readEnvFile(join(stateDir, '.env'))['OVERSEERR_API_KEY'] ?? '';
  const res = await fetch(`${url ?? ''}/api/v1/request?take=50`, { headers: { 'X-Api-Key': key } });
  return ((await res.json()) as { results: OverseerrRequest[] }).results;
}

const bin = join(import.meta.dirname, '../../bin/homelab-bot.js');

const git = (args: readonly string[]): string =>
  execFileSync('git', ['--git-dir', join(stateDir, 'remote/apps.git'), ...args], { encoding: 'utf8' });

describe('homelab-bot demo in a terminal: the demo homelab, the shell against it, nothing left after quit', () => {
  let dir: string;
  let tmp: string;
  let demo: DemoProcess | undefined;
  beforeAll(async () => {
    await requireLab();
    await requireService('script (util-linux)', () => hasBinary('script'));
    dir = await mkdtemp(join(tmpdir(), 'hlb-demo-'));
    tmp = join(dir, 'tmp');
    await mkdir(tmp);
  });
  afterAll(async () => {
    if (demo !== undefined && demo.outer.exitCode === null) demo.outer.kill('SIGKILL');
    await stopLab(labName);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('audits the planted drift, merges a fix, files a family request, and leaves no process, mount or temp dir', async () => {
    const d = startDemoProcess(tmp, { HLB_LAB_TAG: childTag, TMPDIR: tmp, REDIS_URL: '', CONFIG_PATH: '' });
    demo = d;
    const ready = await d.waitFor(/Demo ready in (\d+\.\d) s/, 0, 400_000);
    console.log(`demo ready in ${ready[1] ?? '?'} s (command to prompt, pty)`);
    expect(d.output()).toContain('✅ Docker hosts: ct-docker-01, ct-media-01');
    expect(d.output()).toContain('✅ qBittorrent');

    let from = d.output().length;
    d.type('/drift audit');
    await d.waitFor(/drift-report\.json/, from);
    const audit = d.since(from);
    expect(audit).toContain('ct-docker-01/observability/grafana');
    expect(audit).toContain('`image.tag`: `11.2.0` → `11.2.1`');
    expect(audit).toContain('ct-docker-01/dns-pihole/pihole');
    expect(audit).toContain('`environment.TZ`: `Europe/Berlin` → `UTC`');

    from = d.output().length;
    d.type('/drift fix observability grafana');
    const approve = await d.waitFor(/\[(\d+)\] Approve #(\d+)/, from);
    d.type(approve[1] ?? '');
    const revert = await d.waitFor(new RegExp(`PR #${approve[2] ?? ''} merged[\\s\\S]*\\[(\\d+)\\] Revert #`), from);
    expect(git(['log', '-1', '--format=%s', 'main'])).toMatch(/^Merge .*fix\/drift-grafana/);
    expect(git(['show', 'main:stacks/observability/docker-compose.yml'])).toContain('image: grafana/grafana:11.2.1');
    d.type(revert[1] ?? '');
    await d.waitFor(/PR #\d+ reverted/, from);
    expect(git(['show', 'main:stacks/observability/docker-compose.yml'])).toContain('image: grafana/grafana:11.2.0');

    from = d.output().length;
    d.type('/e2e');
    await d.waitFor(/\/e2e passed|\/e2e failed/, from);
    expect(d.since(from)).toContain('/e2e passed');
    from = d.output().length;
    d.type('/health');
    await d.waitFor(/health-report\.json/, from);
    expect(d.since(from)).toContain('✅ VPN connected with a non-home public IP');
    from = d.output().length;
    d.type('/catalog');
    await d.waitFor(/catalog\.mmd/, from);
    expect(d.since(from)).toMatch(/\| grafana \| observability \| ct-docker-01 \|/);

    from = d.output().length;
    d.type('as fran /request movie Amélie');
    const pick = await d.waitFor(/\[(\d+)\] Pick a movie .*: type "\d+ 1"/, from);
    expect(d.since(from)).toContain('(1) Amélie (2001)');
    d.type(`as fran ${pick[1] ?? ''} 1`);
    const request = await d.waitFor(/\[(\d+)\] Request\b/, from);
    d.type(`as fran ${request[1] ?? ''}`);
    await d.waitFor(/Amélie \(2001\) is requested and waiting for an admin to approve it/, from);
    expect((await overseerrRequests()).filter((r) => r.media?.tmdbId === 194).map((r) => r.requestedBy?.id)).toEqual([
      2,
    ]);

    d.type('quit');
    expect(await d.status).toBe(0);
    expect(d.output()).toMatch(/Demo stopped in \d+\.\d s/);
    expect(await labProcesses(labName)).toEqual([]);
    expect(await mountsBelow(stateDir)).toEqual([]);
    expect(existsSync(stateDir)).toBe(false);
    expect(await leftoversAfter(tmp, 5000)).toEqual({ processes: [], dirs: [] });
  }, 900_000);

  it('refuses a second demo of the same lab; killed with SIGKILL, its keeper still stops the whole lab', async () => {
    const d = startDemoProcess(tmp, { HLB_LAB_TAG: childTag, TMPDIR: tmp, REDIS_URL: '', CONFIG_PATH: '' });
    demo = d;
    await d.waitFor(/Demo ready in \d+\.\d s/, 0, 400_000);
    expect(await labProcesses(labName)).not.toEqual([]);
    const second = spawnSync(process.execPath, [bin, 'demo'], {
      cwd: tmp,
      env: { ...process.env, HLB_LAB_TAG: childTag, TMPDIR: tmp },
      encoding: 'utf8',
      input: '',
    });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/^A demo homelab is already running on this machine \(its keeper is pid \d+\)/);
    expect(await labProcesses(labName)).not.toEqual([]);

    process.kill(d.nodePid(), 'SIGKILL');

    expect(await d.status).toBe(137);
    await eventually(async () => (await labProcesses(labName)).length === 0 && !existsSync(stateDir), 180_000);
    expect(await mountsBelow(stateDir)).toEqual([]);
    expect(await leftoversAfter(tmp, 10_000)).toEqual({ processes: [], dirs: [] });
  }, 900_000);
});

describe('homelab-bot demo without dockerd on PATH', () => {
  let dir: string;
  beforeAll(async () => {
    await requireLab();
    dir = await mkdtemp(join(tmpdir(), 'hlb-demo-nodocker-'));
    await mkdir(join(dir, 'bin'));
    await mkdir(join(dir, 'tmp'));
    // Only what the rest of the demo needs: no dockerd, docker-compose or sshd.
    for (const name of ['redis-server', 'git', 'qbittorrent-nox'])
      await symlink(execFileSync('which', [name], { encoding: 'utf8' }).trim(), join(dir, 'bin', name));
  });
  afterAll(async () => {
    await stopLab(labName);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('starts the rest, says what is missing and why, and still stops everything on quit', async () => {
    const tmp = join(dir, 'tmp');
    const run = spawnSync(process.execPath, [bin, 'demo'], {
      cwd: tmp,
      env: {
        ...process.env,
        PATH: join(dir, 'bin'),
        HLB_LAB_TAG: childTag,
        TMPDIR: tmp,
        REDIS_URL: '',
        CONFIG_PATH: '',
      },
      encoding: 'utf8',
      input: 'quit\n',
      timeout: 300_000,
    });

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /⚠️ +Docker hosts: not started — dockerd, .*docker-compose.* not found \(apt-get install /,
    );
    expect(run.stdout).toContain('⚠️  Planted drift: not started — needs the Docker hosts');
    expect(run.stdout).toContain('✅ qBittorrent');
    expect(run.stdout).toMatch(/Demo ready in \d+\.\d s/);
    expect(run.stdout).toMatch(/Demo stopped in \d+\.\d s/);
    expect(await labProcesses(labName)).toEqual([]);
    expect(existsSync(stateDir)).toBe(false);
    expect(await leftoversAfter(tmp, 5000)).toEqual({ processes: [], dirs: [] });
  }, 400_000);
});

/** Polls `probe` until it is true (a loaded machine may take a while to stop two dockerd). */
async function eventually(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`the lab was still running after ${String(timeoutMs)} ms`);
    await sleep(250);
  }
}
