import { writeFile } from 'node:fs/promises';
import type { Lab } from '../lab.js';
import type { DemoMediaConfig } from './demo-media.js';

/** The demo's people: the operator at the keyboard and a family member (`as fran …`), linked to Overseerr users 1 and 2. */
export const demoPeople = [
  { name: 'alex', role: 'operator', discordId: '100000000000000001', overseerrUserId: 1 },
  { name: 'fran', role: 'family', discordId: '200000000000000002', overseerrUserId: 2 },
] as const;

/** The family member the demo suggests acting as. */
export const demoFamilyMember = 'fran';

/** A movie the Overseerr emulator knows and nobody requested: `/e2e`'s test title. */
const e2eTmdbId = 949;

const q = (value: string | number): string => JSON.stringify(value);

function hostLines(lab: Lab): string[] {
  if (lab.hosts.length === 0) return ['hosts: []'];
  return [
    'hosts:',
    ...lab.hosts.flatMap((h) => [
      `  - name: ${h.name}`,
      `    endpoint: ${h.endpoint}`,
      '    ssh:',
      `      host: ${q(h.sshHost)}`,
      `      port: ${h.sshPort}`,
      `      user: ${h.sshUser}`,
      `      privateKeyPath: ${q(h.privateKeyPath)}`,
      `      knownHostsPath: ${q(h.knownHostsPath)}`,
      `    dockerSocket: ${q(h.dockerSocket)}`,
    ]),
  ];
}

function mediaLines(media: DemoMediaConfig | undefined): string[] {
  if (media === undefined) return [];
  const { urls } = media;
  const api = (name: keyof typeof urls, key: string): string[] => [
    `  ${name}:`,
    `    url: ${urls[name]}`,
    `    ${name === 'plex' ? 'token' : 'apiKey'}: \${${key}}`,
  ];
  return [
    'media:',
    ...api('overseerr', 'OVERSEERR_API_KEY'),
    ...api('radarr', 'RADARR_API_KEY'),
    ...api('sonarr', 'SONARR_API_KEY'),
    ...api('prowlarr', 'PROWLARR_API_KEY'),
    ...api('plex', 'PLEX_TOKEN'),
    ...api('gluetun', 'GLUETUN_API_KEY'),
    ...(media.qbittorrent === undefined
      ? []
      : [
          '  qbittorrent:',
          `    url: ${media.qbittorrent.url}`,
          `    username: ${media.qbittorrent.username}`,
          '    password: ${QBITTORRENT_PASSWORD}',
        ]),
    '  homeCidrs: ["203.0.113.0/24"]',
    ...(media.qbittorrent === undefined
      ? []
      : [
          'e2e:',
          `  tmdbId: ${e2eTmdbId}`,
          '  qualityProfileId: 4',
          `  rootFolder: ${q(media.rootFolder)}`,
          '  pollInterval: 500ms',
          '  cleanup: true',
          '  timeouts: { request: 20s, radarrMovie: 20s, grab: 20s, torrent: 20s, download: 60s, import: 30s, plex: 20s, available: 20s }',
        ]),
  ];
}

/**
 * Writes the demo's `config.yaml` (secrets as `${VAR}`) and `.env` into the lab's state dir, as
 * an operator would write theirs. Returns the config path.
 */
export async function writeDemoConfig(lab: Lab, media: DemoMediaConfig | undefined): Promise<string> {
  const yaml = [
    '# The demo homelab of `homelab-bot demo`: generated at start, removed when the demo stops.',
    ...hostLines(lab),
    'apps:',
    `  url: ${q(`file://${lab.apps.remote}`)}`,
    '  branch: main',
    '  forge: { type: git }',
    'chat:',
    '  shell:',
    `    person: ${demoPeople[0].name}`,
    'people:',
    ...demoPeople.flatMap((p) => [
      `  - name: ${p.name}`,
      `    role: ${p.role}`,
      `    discordId: ${q(p.discordId)}`,
      `    overseerrUserId: ${p.overseerrUserId}`,
    ]),
    ...mediaLines(media),
    'redis:',
    `  url: ${lab.redisUrl}`,
    '',
  ].join('\n');
  const env = Object.entries(media?.secrets ?? {})
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
  const path = `${lab.stateDir}/config.yaml`;
  await writeFile(path, yaml);
  await writeFile(`${lab.stateDir}/.env`, env, { mode: 0o600 });
  return path;
}
