import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { fluxLayoutSchema } from '../../config/cluster-schema.js';
import { appConfigSchema } from '../../config/schema.js';
import { runDriftLintCli } from '../cli-audit.js';
import { lintFluxRepo } from './flux-lint.js';

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'kubernetes', 'flux');
const layout = fluxLayoutSchema.parse({});

describe('lintFluxRepo (seed Flux conventions)', () => {
  it('reports each planted violation once with file:line, and nothing on the compliant services', async () => {
    const found = await lintFluxRepo(FIXTURE, layout);
    expect(found.map((f) => `${f.file ?? ''}:${String(f.line)} ${f.rule}`)).toEqual([
      'apps/linkding/deployment.yaml:19 probes',
      'apps/linkding/deployment.yaml:24 service-monitor',
      'apps/linkding/kustomization.yaml:4 required-files',
      'apps/paperless/deployment.yaml:5 labels',
      'apps/paperless/deployment.yaml:27 resources',
      'apps/paperless/deployment.yaml:35 pvc',
      'apps/paperless/ingress.yaml:8 ingress-tls',
      'apps/paperless/kustomization.yaml:4 network-policy',
      'apps/vaultwarden/deployment.yaml:20 pinned-image',
      'apps/vaultwarden/kustomization.yaml:4 readme',
      'apps/vaultwarden/networkpolicy.yaml:4 kebab-case',
      'apps/vaultwarden/secret.yaml:2 external-secret',
    ]);
    expect(found.filter((f) => f.service === 'whoami' || f.service === 'homepage')).toEqual([]);
    expect(found.find((f) => f.rule === 'labels')).toMatchObject({
      stack: 'apps/paperless',
      service: 'paperless',
      message: 'Deployment `paperless` lacks label(s) `managed-by: flux`',
    });
    expect(found.every((f) => f.fix !== '' && f.silence?.includes(`ignore=${f.rule}`) === true)).toBe(true);
  });

  it('honours the ignore comment: without it the silenced :latest image of homepage is reported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hlb-flux-lint-'));
    try {
      await cp(FIXTURE, dir, { recursive: true });
      const file = join(dir, 'apps/homepage/deployment.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^# homelab-bot-lint:.*\n/m, ''));
      const homepage = (await lintFluxRepo(dir, layout)).filter((f) => f.service === 'homepage');
      expect(homepage.map((f) => `${f.file ?? ''}:${String(f.line)} ${f.rule}`)).toEqual([
        'apps/homepage/deployment.yaml:18 pinned-image',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports invalid YAML with its line instead of failing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hlb-flux-lint-'));
    try {
      await cp(join(FIXTURE, 'apps/whoami'), join(dir, 'apps/whoami'), { recursive: true });
      await writeFile(
        join(dir, 'apps/whoami/service.yaml'),
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: [whoami\n',
      );
      const found = await lintFluxRepo(dir, layout);
      expect(found.filter((f) => f.rule === 'valid-yaml').map((f) => f.file)).toEqual(['apps/whoami/service.yaml']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs as a pre-commit hook: `drift lint --dir` lints the working tree and exits 1 on findings, 0 when clean', async () => {
    const config = appConfigSchema.parse({
      clusters: [{ name: 'talos', flavour: 'flux', access: { inCluster: true } }],
    });
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _e, done) {
        text += chunk.toString();
        done();
      },
    });
    expect(await runDriftLintCli(config, { json: false, dir: FIXTURE }, out)).toBe(1);
    expect(text).toContain(
      '`apps/vaultwarden/secret.yaml:2` **external-secret**: Secret `vaultwarden-admin` is committed to git',
    );
    expect(text).toContain('ignore=external-secret');
    const dir = await mkdtemp(join(tmpdir(), 'hlb-flux-lint-'));
    try {
      await cp(join(FIXTURE, 'apps/whoami'), join(dir, 'apps/whoami'), { recursive: true });
      expect(
        await runDriftLintCli(
          config,
          { json: true, dir },
          new Writable({
            write(_c, _e, done) {
              done();
            },
          }),
        ),
      ).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
