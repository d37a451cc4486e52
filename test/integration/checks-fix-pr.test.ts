import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHealthFix, type HealthFixDeps } from '../../src/checks/open-health-fix.js';
import { appsSchema } from '../../src/config/apps-schema.js';
import { UserError } from '../../src/errors.js';
import { createForge } from '../../src/forge/create-forge.js';
import { runGit } from '../../src/git/run-git.js';
import { silentLogger } from '../../src/log.js';
import { createAppsRemote } from './apps-remote.js';

const compose = `services:
  qbittorrent:
    image: lscr.io/linuxserver/qbittorrent:4.6.7
    # the WebUI is published by gluetun
    network_mode: bridge
    volumes:
      - qbittorrent_config:/config
  radarr:
    image: lscr.io/linuxserver/radarr:5.9.1
    volumes:
      - radarr_config:/config
volumes:
  qbittorrent_config:
  radarr_config:
`;

describe('"Open fix PR" opens a PR with the proposed compose edit (plain-git forge, real git)', () => {
  let dir: string;
  let deps: HealthFixDeps;
  let bare: string;
  const show = async (ref: string): Promise<string> =>
    (await runGit(['--git-dir', bare, 'show', `${ref}:stacks/media-downloads/docker-compose.yml`])).stdout;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'checks-fix-'));
    bare = await createAppsRemote(dir, { 'stacks/media-downloads/docker-compose.yml': compose });
    const apps = appsSchema.parse({ url: `file://${bare}`, branch: 'main', forge: { type: 'git' } });
    const forge = createForge(apps, { log: silentLogger(), workDir: join(dir, 'forge') });
    if (forge === undefined) throw new Error('no forge');
    deps = { forge, apps, tmpDir: join(dir, 'clones'), now: () => new Date('2026-11-25T20:30:00Z') };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sets network_mode to service:gluetun on a fix branch, keeping comments, and opens a labelled PR', async () => {
    const pr = await openHealthFix(
      deps,
      {
        stack: 'media-downloads',
        service: 'qbittorrent',
        field: 'network_mode',
        value: 'service:gluetun',
        reason: 'VPN kill switch',
      },
      'alice',
    );
    expect(pr.title).toBe('fix(media-downloads): qbittorrent network_mode (/health)');
    expect(pr.headBranch).toBe('fix/health-qbittorrent-202611252030');
    expect(pr.labels).toContain('drift-remediation');
    const text = await show(pr.headBranch);
    expect(text).toContain('    # the WebUI is published by gluetun\n    network_mode: service:gluetun\n');
    expect(await show('main')).toContain('network_mode: bridge');
  });

  it('adds the download volume to radarr', async () => {
    const pr = await openHealthFix(
      deps,
      {
        stack: 'media-downloads',
        service: 'radarr',
        field: 'volumes',
        value: '/srv/media/downloads:/data/downloads',
        reason: 'see downloads',
      },
      'alice',
    );
    const text = await show(pr.headBranch);
    expect(text).toContain('      - radarr_config:/config\n      - "/srv/media/downloads:/data/downloads"\n');
  });

  it('says so when git already has the value, and when the service is unknown', async () => {
    const noop = await openHealthFix(
      deps,
      { stack: 'media-downloads', service: 'qbittorrent', field: 'network_mode', value: 'bridge', reason: 'r' },
      'a',
    ).catch((e: unknown) => e);
    expect((noop as UserError).message).toBe(
      'media-downloads/qbittorrent already has network_mode = bridge in git: deploy it (docker compose up -d).',
    );
    const missing = await openHealthFix(
      deps,
      { stack: 'media-downloads', service: 'plex', field: 'network_mode', value: 'host', reason: 'r' },
      'a',
    ).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).message).toBe('Service plex is not in stack media-downloads in git; fix it by hand.');
  });
});
