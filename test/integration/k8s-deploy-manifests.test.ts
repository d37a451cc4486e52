import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/load-config.js';
import { schemaErrors } from '../../lab/emulators/kubernetes/kube-schemas.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: unknown };

const render = async (dir: string): Promise<Obj[]> => {
  const { stdout } = await run('kubectl', ['kustomize', join(root, dir)]);
  return parseAllDocuments(stdout).map((d) => d.toJS() as Obj);
};

describe('deploy/kubernetes (the bot in a cluster), rendered by kubectl kustomize', () => {
  let objects: Obj[];
  let work: string;
  beforeAll(async () => {
    objects = await render('deploy/kubernetes');
    work = await mkdtemp(join(tmpdir(), 'hlb-deploy-k8s-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('renders the namespace, service account, read-only RBAC, config, redis and the bot', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ClusterRole/homelab-bot-read',
      'ClusterRoleBinding/homelab-bot-read',
      'ConfigMap/homelab-bot-config',
      'Deployment/homelab-bot',
      'Deployment/redis',
      'Namespace/homelab-bot',
      'NetworkPolicy/redis-from-bot',
      'Service/homelab-bot',
      'Service/redis',
      'ServiceAccount/homelab-bot',
    ]);
    expect(
      objects
        .filter((o) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind))
        .every((o) => o.metadata.namespace === 'homelab-bot'),
    ).toBe(true);
    expect(objects.flatMap((o) => schemaErrors(o as never)).filter((e) => !e.includes('no schema known'))).toEqual([]);
  });

  it('grants only read verbs (remediation goes through git), bound to the bot service account', () => {
    const role = objects.find((o) => o.kind === 'ClusterRole') as Obj & {
      rules: { resources: string[]; verbs: string[] }[];
    };
    const verbs = new Set(role.rules.flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(['get', 'list', 'watch']);
    expect(role.rules.flatMap((r) => r.resources)).toEqual(
      expect.arrayContaining([
        'secrets',
        'nodes',
        'pods',
        'persistentvolumeclaims',
        'certificates',
        'kustomizations',
        'helmreleases',
        'gitrepositories',
      ]),
    );
    const binding = objects.find((o) => o.kind === 'ClusterRoleBinding') as Obj & { subjects: unknown[] };
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'homelab-bot', namespace: 'homelab-bot' }]);
    const bot = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'homelab-bot') as Obj & {
      spec: { template: { spec: { serviceAccountName: string } } };
    };
    expect(bot.spec.template.spec.serviceAccountName).toBe('homelab-bot');
  });

  it('ships a config.yaml the bot accepts, auditing its own cluster through the service account', async () => {
    const cm = objects.find((o) => o.kind === 'ConfigMap') as Obj & { data: { 'config.yaml': string } };
    const path = join(work, 'config.yaml');
    await writeFile(path, cm.data['config.yaml']);
    const env = {
      APPS_REPO_URL: 'https://github.com/me/homelab.git',
      GITHUB_OWNER: 'me',
      GITHUB_REPO: 'homelab',
      GITHUB_TOKEN: 'ghp_x',
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '123456789012345679',
      DISCORD_REPORT_CHANNEL_ID: '123456789012345680',
    };
    const config = await loadConfig({ path, env });
    expect(config.clusters).toEqual([
      expect.objectContaining({ name: 'homelab', flavour: 'flux', access: { inCluster: true } }),
    ]);
  });

  it('the Flux example reconciles ./deploy/kubernetes from a GitRepository', async () => {
    const flux = await render('deploy/kubernetes/flux');
    expect(flux.map((o) => `${o.apiVersion} ${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'kustomize.toolkit.fluxcd.io/v1 Kustomization/homelab-bot',
      'source.toolkit.fluxcd.io/v1 GitRepository/homelab-bot',
    ]);
    expect((flux.find((o) => o.kind === 'Kustomization') as Obj & { spec: { path: string } }).spec.path).toBe(
      './deploy/kubernetes',
    );
    expect(flux.flatMap((o) => schemaErrors(o as never))).toEqual([]);
  });
});
