import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config/schema.js';
import { openRemediation, type RemediationDeps } from '../../src/drift/remediate/open-remediation.js';
import { runAudit } from '../../src/drift/run-audit.js';
import { createForge } from '../../src/forge/create-forge.js';
import type { Forge } from '../../src/forge/forge.js';
import { runGit } from '../../src/git/run-git.js';
import { snapshotBranch } from '../../src/git/snapshot-branch.js';
import { silentLogger } from '../../src/log.js';
import { editAndRecreate, type ServiceMap } from '../../lab/compose-edit.js';
import { requireLab, startLab, type Lab } from '../../lab/index.js';
import { labAuditDeps } from './drift-harness.js';
import { remediationConfig, serviceDrift } from './remediation-harness.js';

const run = promisify(execFile);
const log = silentLogger();
const SLOW = 600_000;

/** Issue #21: write-backs keep the repo's variables; runtime settings are written back; every PR leaves the re-audit clean. */
describe('remediation keeps the repo variables (lab, plain git forge, docker-compose)', () => {
  let lab: Lab | undefined;
  let config: AppConfig;
  let forge: Forge;
  let deps: RemediationDeps;
  let n = 0;

  const setup = (): Lab => {
    if (lab === undefined) throw new Error('lab not started');
    return lab;
  };

  /** Commits `edit` of `stacks/<stack>/docker-compose.yml` to main of the apps remote. */
  async function commitToGit(stack: string, edit: (text: string) => string): Promise<void> {
    const l = setup();
    const work = await mkdtemp(join(tmpdir(), 'hlb-rm-git-'));
    try {
      await runGit(['clone', '--quiet', l.apps.remote, work]);
      const file = join(work, 'stacks', stack, 'docker-compose.yml');
      const before = await readFile(file, 'utf8');
      const after = edit(before);
      expect(after).not.toBe(before);
      await writeFile(file, after);
      await runGit(
        [
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@example.org',
          'commit',
          '--quiet',
          '-am',
          `chore(${stack}): use variables`,
        ],
        { cwd: work },
      );
      await runGit(['push', '--quiet', 'origin', 'HEAD:main'], { cwd: work });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Opens the fix PR, merges it (what Approve does) and returns the merged file text. */
  async function fixAndMerge(stack: string, service: string): Promise<{ body: string; text: string; changes: number }> {
    const opened = await openRemediation(deps, { stack, service, requestedBy: 'alice' });
    const { body } = opened;
    await forge.merge(opened.pr.number, {
      expectedHeadSha: opened.pr.headSha,
      commitTitle: `Merge #${String(opened.pr.number)}`,
    });
    const text = (
      await run('git', ['--git-dir', setup().apps.remote, 'show', `main:stacks/${stack}/docker-compose.yml`])
    ).stdout;
    return { body, text, changes: opened.backport.changes.length };
  }

  /** `docker-compose config` of the merged stack with the host's `.env` (as the host would deploy it). */
  async function composeConfig(stack: string): Promise<string> {
    const l = setup();
    const work = await mkdtemp(join(tmpdir(), 'hlb-rm-cfg-'));
    try {
      await runGit(['clone', '--quiet', l.apps.remote, work]);
      const dir = join(work, 'stacks', stack);
      const host = l.hostForStack(stack);
      await writeFile(join(dir, '.env'), await readFile(join(host.checkout, 'stacks', stack, '.env'), 'utf8'));
      const files = ['docker-compose.yml', `docker-compose.${host.endpoint}.yml`];
      const present = (await run('ls', [dir])).stdout.split('\n');
      const args = files.filter((f) => present.includes(f)).flatMap((f) => ['-f', join(dir, f)]);
      return (await run('docker-compose', ['-p', stack, '--project-directory', dir, ...args, 'config'], { cwd: dir }))
        .stdout;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'remediation-templates' });
    config = remediationConfig(lab, { url: `file://${lab.apps.remote}`, forge: { type: 'git' } });
    forge = createForge(config.apps!, { log, workDir: `${lab.stateDir}/forge-work` })!;
    const l = lab;
    deps = {
      audit: (options) =>
        runAudit(
          {
            ...labAuditDeps(l, config, log),
            snapshot: () => snapshotBranch(config.apps!, `${l.stateDir}/fix-audit-${String(++n)}`),
          },
          options,
        ),
      forge,
      apps: { branch: 'main', stacksDir: config.apps!.stacksDir },
      hosts: config.hosts,
      tmpDir: `${l.stateDir}/remediate`,
      now: () => new Date(),
    };
  }, SLOW);

  afterAll(async () => {
    await lab?.stop();
  }, 120_000);

  it(
    'writes ${APPDATA:-/opt/appdata}/bazarr:/config, not the host path, and explains it in the PR',
    async () => {
      const l = setup();
      const host = l.hostForStack('media-indexers');
      await commitToGit('media-indexers', (t) =>
        t.replace('      - bazarr_config:/config', '      - ${APPDATA:-/opt/appdata}/media-indexers/bazarr:/config'),
      );
      await appendFile(join(host.checkout, 'stacks', 'media-indexers', '.env'), `APPDATA=${host.srvDir}/appdata\n`);
      await editAndRecreate(host, 'media-indexers', 'bazarr', (svc: ServiceMap) => {
        svc['volumes'] = ['${APPDATA}/bazarr:/config', '${MEDIA_ROOT:-/srv/media}:/data'];
      });
      expect((await serviceDrift(l, config, 'media-indexers', 'bazarr')).map((i) => i.path)).toEqual([
        'volumes[/config]',
      ]);

      const { body, text } = await fixAndMerge('media-indexers', 'bazarr');
      expect(text).toContain('      - ${APPDATA:-/opt/appdata}/bazarr:/config\n');
      expect(text).not.toContain(host.srvDir);
      expect(body).toContain(
        `\`${host.srvDir}/appdata/bazarr\` → \`\${APPDATA:-/opt/appdata}/bazarr\`, because the host's \`.env\` sets \`APPDATA=${host.srvDir}/appdata\``,
      );
      expect(await serviceDrift(l, config, 'media-indexers', 'bazarr')).toEqual([]);
      expect(await composeConfig('media-indexers')).toContain(`${host.srvDir}/appdata/bazarr:/config`);
    },
    SLOW,
  );

  it(
    'writes Host(`grafana.${DOMAIN}`) || Host(`dash.${DOMAIN}`) and a value without variables as a literal',
    async () => {
      const l = setup();
      const host = l.hostForStack('observability');
      await commitToGit('observability', (t) =>
        t.replace('Host(`grafana.${DOMAIN:-home.lan}`)', 'Host(`grafana.${DOMAIN}`)'),
      );
      await appendFile(join(host.checkout, 'stacks', 'observability', '.env'), 'DOMAIN=home.example.net\n');
      await editAndRecreate(host, 'observability', 'grafana', (svc: ServiceMap) => {
        const labels = (svc['labels'] as string[]).filter((x) => !x.startsWith('traefik.http.routers.grafana.rule='));
        svc['labels'] = [
          ...labels,
          'traefik.http.routers.grafana.rule=Host(`grafana.${DOMAIN}`) || Host(`dash.${DOMAIN}`)',
        ];
        svc['environment'] = [...(svc['environment'] as string[]), 'GF_LOG_LEVEL=debug'];
      });
      const { text, changes } = await fixAndMerge('observability', 'grafana');
      expect(changes).toBe(2);
      expect(text).toContain(
        '- traefik.http.routers.grafana.rule=Host(`grafana.${DOMAIN}`) || Host(`dash.${DOMAIN}`)\n',
      );
      expect(text).toContain('- GF_LOG_LEVEL=debug\n');
      expect(text).not.toContain('home.example.net');
      expect(await serviceDrift(l, config, 'observability', 'grafana')).toEqual([]);
      expect(await composeConfig('observability')).toContain(
        'Host(`grafana.home.example.net`) || Host(`dash.home.example.net`)',
      );
    },
    SLOW,
  );

  it(
    'fixes a healthcheck interval, a cap_add and a dns drift by one PR each, each re-audit clean',
    async () => {
      const l = setup();
      const cases: [string, string, (svc: ServiceMap) => void, string][] = [
        [
          'media-indexers',
          'sonarr',
          (svc) => {
            (svc['healthcheck'] as Record<string, unknown>)['interval'] = '10s';
          },
          '      interval: 10s\n',
        ],
        [
          'media-downloads',
          'gluetun',
          (svc) => {
            svc['cap_add'] = ['NET_ADMIN', 'SYS_TIME'];
          },
          'cap_add: [NET_ADMIN, SYS_TIME]',
        ],
        [
          'media-indexers',
          'radarr',
          (svc) => {
            svc['dns'] = ['9.9.9.9'];
          },
          '    dns:\n      - 9.9.9.9\n',
        ],
      ];
      for (const [stack, service, mutate, written] of cases) {
        await editAndRecreate(l.hostForStack(stack), stack, service, mutate);
        expect((await serviceDrift(l, config, stack, service)).length, `${stack}/${service} drifted`).toBeGreaterThan(
          0,
        );
        const { text, changes } = await fixAndMerge(stack, service);
        expect(changes).toBe(1);
        expect(text).toContain(written);
        expect(await serviceDrift(l, config, stack, service), `${stack}/${service} clean`).toEqual([]);
        await composeConfig(stack);
      }
    },
    SLOW,
  );
});
