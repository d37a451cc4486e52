import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/schema.js';
import type { AuditOptions } from '../../src/drift/audit-report.js';
import { openAdoption } from '../../src/drift/remediate/open-adoption.js';
import { openRemediation, type RemediationDeps } from '../../src/drift/remediate/open-remediation.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { createForge } from '../../src/forge/create-forge.js';
import type { Forge } from '../../src/forge/forge.js';
import { runGit } from '../../src/git/run-git.js';
import { snapshotBranch } from '../../src/git/snapshot-branch.js';
import { silentLogger } from '../../src/log.js';
import { composeContainer, requireLab, startLab, type Lab, type LabHost } from '../../lab/index.js';
import { labAuditDeps } from './drift-harness.js';
import { remediationConfig } from './remediation-harness.js';

const run = promisify(execFile);
const log = silentLogger();
const SLOW = 600_000;
const STACK = 'rm-forms';
const HASH_OLD = 'admin:$$apr1$$old$$hashA';

/** The stack as git has it: anchors used as aliases and as merge keys, list-form labels, a long-syntax bind. */
const GIT_COMPOSE = `# forms that real homelab repos hold
x-env: &default-env
  PUID: "1000"
  PGID: "1000"
  TZ: Europe/Berlin # the house timezone
x-labels: &common-labels
  com.example.team: homelab
  com.example.tier: "2"

services:
  web:
    image: busybox:1.36.1
    command: ["sleep", "1d"]
    environment: *default-env
    labels: *common-labels
  api:
    image: busybox:1.36.1
    command: ["sleep", "1d"]
    environment:
      <<: *default-env
      NOTE: plain
    labels:
      - "traefik.http.routers.api.rule=PathPrefix(\`/api\`)"
      - "traefik.http.middlewares.auth.basicauth.users=${HASH_OLD}"
    volumes:
      - type: bind
        source: ./data
        target: /data
        bind:
          propagation: private
  worker:
    image: busybox:1.36.1
    command: ["sleep", "1d"]
    environment: *default-env
    labels:
      - com.example.role=worker
  plain:
    image: busybox:1.36.1
    command: ["sleep", "1d"]
`;

/** Issue #23: every form of the issue, fixed by a PR, merged, and re-audited clean (or skipped with a reason). */
describe('remediation write-back forms, adoption and next steps (lab, plain git forge, docker-compose)', () => {
  let lab: Lab | undefined;
  let host: LabHost;
  let config: AppConfig;
  let forge: Forge;
  let deps: RemediationDeps;
  let n = 0;
  let hostText = GIT_COMPOSE;

  const setup = (): Lab => {
    if (lab === undefined) throw new Error('lab not started');
    return lab;
  };
  const stackDir = (): string => join(host.checkout, 'stacks', STACK);

  /** Edits the host's copy of the stack (the drift an operator makes by hand) and recreates what changed. */
  async function driftOnHost(edit: (text: string) => string): Promise<void> {
    const next = edit(hostText);
    expect(next).not.toBe(hostText);
    hostText = next;
    await writeFile(join(stackDir(), 'docker-compose.yml'), hostText);
    const up = await host.compose(STACK, ['up', '-d', '--no-color', '-t', '1', '--remove-orphans']);
    if (up.code !== 0) throw new Error(`docker-compose up failed: ${up.stderr}`);
  }

  const audit = (options: AuditOptions) =>
    runAudit(
      {
        ...labAuditDeps(setup(), config, log),
        snapshot: () => snapshotBranch(config.apps!, `${setup().stateDir}/a-${String(++n)}`),
      },
      options,
    );

  /** Drift items of one service (unverifiable left out). */
  const drift = async (service: string) =>
    (await audit({ stack: STACK })).report.items.filter((i) => i.service === service && i.severity !== 'unverifiable');

  const gitShow = async (path: string): Promise<string> =>
    (await run('git', ['--git-dir', setup().apps.remote, 'show', `main:${path}`])).stdout;

  async function fixAndMerge(
    service: string,
  ): Promise<{ body: string; text: string; changes: number; skipped: string[] }> {
    const opened = await openRemediation(deps, { stack: STACK, service, requestedBy: 'alice' });
    await forge.merge(opened.pr.number, {
      expectedHeadSha: opened.pr.headSha,
      commitTitle: `Merge pull request #${String(opened.pr.number)} from ${opened.branch}`,
    });
    return {
      body: opened.body,
      text: await gitShow(`stacks/${STACK}/docker-compose.yml`),
      changes: opened.backport.changes.length,
      skipped: opened.backport.skipped.map((s) => `${s.item.path}: ${s.reason}`),
    };
  }

  /** `docker-compose config` of main's stack with the host's `.env`: fails when the file does not deploy. */
  async function composeConfig(): Promise<string> {
    const work = await mkdtemp(join(tmpdir(), 'hlb-rm-forms-'));
    try {
      await runGit(['clone', '--quiet', setup().apps.remote, work]);
      const dir = join(work, 'stacks', STACK);
      await writeFile(join(dir, '.env'), await readFile(join(stackDir(), '.env'), 'utf8'));
      return (await run('docker-compose', ['-p', STACK, '-f', join(dir, 'docker-compose.yml'), 'config'], { cwd: dir }))
        .stdout;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'remediation-forms', stacks: false });
    host = lab.hosts.find((h) => h.endpoint === 'docker01') ?? lab.hosts[0]!;
    const targets = await readFile(join(lab.apps.clone, 'stack-targets.yml'), 'utf8');
    await lab.apps.commit(`feat(${STACK}): add stack`, {
      [`stacks/${STACK}/docker-compose.yml`]: GIT_COMPOSE,
      'stack-targets.yml': `${targets}${STACK}: ${host.endpoint}\n`,
    });
    await mkdir(join(stackDir(), 'data'), { recursive: true });
    await mkdir(join(stackDir(), 'data2'), { recursive: true });
    await writeFile(join(stackDir(), 'docker-compose.yml'), GIT_COMPOSE);
    await writeFile(join(stackDir(), '.env'), 'LAB_NOTE=1\n');
    const up = await host.compose(STACK, ['up', '-d', '--no-color']);
    if (up.code !== 0) throw new Error(`docker-compose up failed: ${up.stderr}`);
    config = remediationConfig(lab, { url: `file://${lab.apps.remote}`, forge: { type: 'git' } });
    forge = createForge(config.apps!, { log, workDir: `${lab.stateDir}/forge-work` })!;
    deps = {
      audit,
      forge,
      apps: { branch: 'main', stacksDir: config.apps!.stacksDir },
      hosts: config.hosts,
      tmpDir: `${lab.stateDir}/remediate`,
      now: () => new Date(),
    };
    expect(await drift('api')).toEqual([]);
  }, SLOW);

  afterAll(async () => {
    await lab?.stop();
  }, 120_000);

  it(
    'writes $ as $$ (Traefik PathRegexp rule, env cost=$5 for $HOME), keeps the htpasswd hash a literal and the long-syntax bind options',
    async () => {
      await driftOnHost((t) =>
        t
          .replace('PathPrefix(`/api`)', () => 'PathRegexp(`^/api/v[0-9]+$$`)')
          .replace('NOTE: plain', () => 'NOTE: "cost=$$5 for $$HOME"')
          .replace(HASH_OLD, () => 'admin:$$apr1$$new$$hashB')
          .replace('source: ./data', 'source: ./data2'),
      );
      expect((await drift('api')).map((i) => i.path).sort()).toEqual([
        'environment.NOTE',
        'labels.traefik.http.middlewares.auth.basicauth.users',
        'labels.traefik.http.routers.api.rule',
        'volumes[/data]',
      ]);
      const { text, changes, skipped, body } = await fixAndMerge('api');
      expect(skipped).toEqual([]);
      expect(changes).toBe(4);
      expect(text).toContain('- "traefik.http.routers.api.rule=PathRegexp(`^/api/v[0-9]+$$`)"\n');
      expect(text).toContain('NOTE: cost=$$5 for $$HOME\n');
      expect(text).toContain('- "traefik.http.middlewares.auth.basicauth.users=admin:$$apr1$$new$$hashB"\n');
      expect(text).not.toContain('${TRAEFIK');
      expect(text).toMatch(/ {8}target: \/data\n {8}bind:\n {10}propagation: private\n/);
      expect(text).toMatch(/source: .*data2\n/);
      expect(body).not.toContain('hashB');
      expect(await drift('api')).toEqual([]);
      const rendered = await composeConfig();
      expect(rendered).toContain('PathRegexp(`^/api/v[0-9]+$$`)');
      expect(rendered).toContain('propagation: private');
    },
    SLOW,
  );

  it(
    'turns `environment: *default-env` and `labels: *common-labels` into local merges (PUID/PGID, comment and the anchor kept)',
    async () => {
      await driftOnHost((t) =>
        t.replace(
          '    environment: *default-env\n    labels: *common-labels\n',
          '    environment:\n      <<: *default-env\n      TZ: UTC\n    labels:\n      <<: *common-labels\n      com.example.tier: "3"\n',
        ),
      );
      const { text, changes } = await fixAndMerge('web');
      expect(changes).toBe(2);
      expect(text).toContain('  TZ: Europe/Berlin # the house timezone\n');
      expect(text).toMatch(/ {2}web:\n[\s\S]*environment:\n {6}<<: \*default-env\n {6}TZ: UTC\n/);
      expect(text).toMatch(/labels:\n {6}<<: \*common-labels\n {6}com\.example\.tier: "3"\n/);
      expect(text).toMatch(
        / {2}worker:\n {4}image: busybox:1.36.1\n {4}command: \["sleep", "1d"\]\n {4}environment: \*default-env\n/,
      );
      expect(await drift('web')).toEqual([]);
      expect(await drift('worker')).toEqual([]);
      const rendered = await composeConfig();
      expect(rendered).toMatch(/ {2}web:\n[\s\S]*PGID: '1000'\n {6}PUID: '1000'\n {6}TZ: UTC\n/);
    },
    SLOW,
  );

  it(
    'skips removing a key that comes from a <<: merge with a reason (or expands the merge without it), and writes a new labels block in the list form',
    async () => {
      await driftOnHost((t) =>
        t
          .replace('      <<: *default-env\n      NOTE:', '      PUID: "1000"\n      TZ: Europe/Berlin\n      NOTE:')
          .replace(
            '  plain:\n    image: busybox:1.36.1\n',
            '  plain:\n    image: busybox:1.36.1\n    labels:\n      - com.example.new=yes\n',
          ),
      );
      const removed = await drift('api');
      expect(
        removed.map((i) => i.path),
        JSON.stringify(removed),
      ).toEqual(['environment.PGID']);
      const before = await gitShow(`stacks/${STACK}/docker-compose.yml`);
      const outcome = await openRemediation(deps, { stack: STACK, service: 'api', requestedBy: 'alice' }).then(
        (opened) => opened,
        (error: unknown) => String(error),
      );
      if (typeof outcome === 'string') {
        // Skipped with a reason, and nothing reached git.
        expect(outcome).toMatch(/environment\.PGID: .*(merge|anchor)/);
        expect(await gitShow(`stacks/${STACK}/docker-compose.yml`)).toBe(before);
      } else {
        // Or the merge expanded without that key: the anchor and its other users untouched, re-audit clean.
        await forge.merge(outcome.pr.number, {
          expectedHeadSha: outcome.pr.headSha,
          commitTitle: `Merge #${String(outcome.pr.number)}`,
        });
        const text = await gitShow(`stacks/${STACK}/docker-compose.yml`);
        expect(text).toContain('  PGID: "1000"\n');
        expect(await drift('api')).toEqual([]);
        expect(await drift('worker')).toEqual([]);
      }
      const { text } = await fixAndMerge('plain');
      expect(text).toMatch(
        / {2}plain:\n {4}image: busybox:1.36.1\n {4}command: \["sleep", "1d"\]\n {4}labels:\n {6}- com\.example\.new=yes\n/,
      );
      expect(await drift('plain')).toEqual([]);
      await composeConfig();
    },
    SLOW,
  );

  it(
    'names the docker-compose command that starts a missing container',
    async () => {
      const rm = await host.docker(['rm', '-f', await composeContainer(host, STACK, 'worker')]);
      expect(rm.code).toBe(0);
      expect((await drift('worker')).map((i) => i.kind)).toEqual(['missing-container']);
      await expect(openRemediation(deps, { stack: STACK, service: 'worker', requestedBy: 'alice' })).rejects.toThrow(
        `\`docker-compose -p ${STACK} -f docker-compose.yml up -d worker\``,
      );
      const up = await host.compose(STACK, ['up', '-d', '--no-color', 'worker']);
      expect(up.code).toBe(0);
    },
    SLOW,
  );

  it(
    'adopts a hand-made container by a PR; after the merge the re-audit counts it as managed and clean',
    async () => {
      const token = 'ghp_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa';
      const started = await host.docker([
        'run',
        '-d',
        '--name',
        'whoami',
        '--network',
        'proxy',
        '--restart',
        'unless-stopped',
        '-e',
        'GREETING=cost=$5 for $HOME',
        '-e',
        `API_TOKEN=${token}`,
        '-l',
        'traefik.enable=true',
        '-v',
        `${host.srvDir}/whoami:/data:ro`,
        'busybox:1.36.1',
        'sleep',
        '1d',
      ]);
      expect(started.code, started.stderr).toBe(0);
      const unmanaged = (await audit({})).report.items.filter((i) => i.kind === 'unmanaged-container');
      // A hand-made container's item names it in `service` (container-level kinds have an empty path).
      expect(unmanaged.map((i) => i.service)).toContain('whoami');

      const opened = await openAdoption(deps, { container: 'whoami', stack: STACK, requestedBy: 'alice' });
      expect(opened.secretVars).toEqual(['API_TOKEN']);
      await forge.merge(opened.pr.number, {
        expectedHeadSha: opened.pr.headSha,
        commitTitle: `Merge pull request #${String(opened.pr.number)} from ${opened.branch}`,
      });
      const text = await gitShow(`stacks/${STACK}/docker-compose.yml`);
      expect(text).toContain('    container_name: whoami\n');
      expect(text).toContain('API_TOKEN: ${API_TOKEN}');
      expect(text).toContain('GREETING: cost=$$5 for $$HOME');
      expect(text).toContain('  proxy:\n    external: true\n');
      expect(text).not.toContain(token);
      expect(opened.body).not.toContain(token);
      expect(await gitShow(`stacks/${STACK}/.env.sample`)).toBe('API_TOKEN=changeme\n');
      // What the PR tells the operator: set the secret in the host's .env.
      await writeFile(join(stackDir(), '.env'), `LAB_NOTE=1\nAPI_TOKEN=${token}\n`);

      const after = (await audit({ stack: STACK })).report.items;
      expect(after.filter((i) => i.path === 'whoami' || i.service === 'whoami')).toEqual([]);
      expect(
        (await audit({})).report.items.filter((i) => i.kind === 'unmanaged-container').map((i) => i.service),
      ).not.toContain('whoami');
      await composeConfig();
    },
    SLOW,
  );
});
