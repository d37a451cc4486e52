import { healthcheck, traefikLabels, type FixtureStack } from './fixture-stack.js';

const linuxserverEnv = `    environment:
      - PUID=\${PUID:-1000}
      - PGID=\${PGID:-1000}
      - TZ=\${TZ:-Europe/Berlin}
`;

const mediaPlex: FixtureStack = {
  name: 'media-plex',
  endpoint: 'media01',
  services: ['plex'],
  portVars: ['PLEX_PORT'],
  files: {
    'docker-compose.yml': `services:
  plex:
    image: lscr.io/linuxserver/plex:1.40.5
    command: ["httpd", "-f", "-p", "32400", "-h", "/www"]
    restart: unless-stopped
    ports:
      - "127.0.0.1:\${PLEX_PORT:-32400}:32400"
${linuxserverEnv}      - VERSION=docker
      - PLEX_CLAIM=\${PLEX_CLAIM}
    volumes:
      - plex_config:/config
      - \${MEDIA_ROOT:-/srv/media}:/data
${healthcheck(32400)}
volumes:
  plex_config:
`,
    '.env.sample':
      'PUID=1000\nPGID=1000\nTZ=Europe/Berlin\nMEDIA_ROOT=/srv/media\nPLEX_CLAIM=claim-xxxx\nPLEX_PORT=32400\n',
  },
  hostEnv: (ctx) => ({
    PUID: '1000',
    PGID: '1000',
    TZ: 'Europe/Berlin',
    MEDIA_ROOT: `${ctx.srvDir}/media`,
    PLEX_CLAIM: 'claim-lab-secret-5b7e',
    PLEX_PORT: String(ctx.ports['PLEX_PORT']),
  }),
};

const arr = (name: string, image: string, port: number, keyVar: string): string => `  ${name}:
    image: ${image}
    command: ["httpd", "-f", "-p", "${port}", "-h", "/www"]
    restart: unless-stopped
    ports:
      - "127.0.0.1:\${${name.toUpperCase()}_PORT:-${port}}:${port}"
${linuxserverEnv}      - ${name.toUpperCase()}__AUTH__APIKEY=\${${keyVar}}
    volumes:
      - ${name}_config:/config
      - \${MEDIA_ROOT:-/srv/media}:/data
    networks: [default, proxy]
${traefikLabels(name, port)}${healthcheck(port)}`;

const indexerServices = [
  ['sonarr', 'lscr.io/linuxserver/sonarr:4.0.9', 8989, 'SONARR_API_KEY'],
  ['radarr', 'lscr.io/linuxserver/radarr:5.9.1', 7878, 'RADARR_API_KEY'],
  ['prowlarr', 'lscr.io/linuxserver/prowlarr:1.23.1', 9696, 'PROWLARR_API_KEY'],
  ['bazarr', 'lscr.io/linuxserver/bazarr:1.4.4', 6767, 'BAZARR_API_KEY'],
] as const;

const mediaIndexers: FixtureStack = {
  name: 'media-indexers',
  endpoint: 'media01',
  services: indexerServices.map(([n]) => n),
  portVars: indexerServices.map(([n]) => `${n.toUpperCase()}_PORT`),
  files: {
    'docker-compose.yml': `services:
${indexerServices.map(([n, i, p, k]) => arr(n, i, p, k)).join('\n')}
volumes:
${indexerServices.map(([n]) => `  ${n}_config:\n`).join('')}
networks:
  proxy:
    external: true
`,
    '.env.sample': `PUID=1000\nPGID=1000\nTZ=Europe/Berlin\nMEDIA_ROOT=/srv/media\n${indexerServices.map(([n, , p, k]) => `${k}=changeme\n${n.toUpperCase()}_PORT=${p}\n`).join('')}`,
  },
  hostEnv: (ctx) => ({
    PUID: '1000',
    PGID: '1000',
    TZ: 'Europe/Berlin',
    MEDIA_ROOT: `${ctx.srvDir}/media`,
    ...Object.fromEntries(
      indexerServices.flatMap(([n, , , k]) => [
        [k, `lab-secret-${n}-apikey-3c9f`],
        [`${n.toUpperCase()}_PORT`, String(ctx.ports[`${n.toUpperCase()}_PORT`])],
      ]),
    ),
  }),
};

const mediaDownloads: FixtureStack = {
  name: 'media-downloads',
  endpoint: 'media01',
  services: ['gluetun', 'qbittorrent'],
  portVars: ['QBT_WEBUI_PORT', 'GLUETUN_CONTROL_PORT'],
  files: {
    'docker-compose.yml': `services:
  gluetun:
    image: qmcgaw/gluetun:v3.39.0
    command: ["httpd", "-f", "-p", "8000", "-h", "/www"]
    restart: unless-stopped
    cap_add: [NET_ADMIN]
    devices:
      - /dev/net/tun:/dev/net/tun
    ports:
      - "127.0.0.1:\${QBT_WEBUI_PORT:-8080}:8080"
      - "127.0.0.1:\${GLUETUN_CONTROL_PORT:-8000}:8000"
    environment:
      - VPN_SERVICE_PROVIDER=mullvad
      - VPN_TYPE=wireguard
      - WIREGUARD_PRIVATE_KEY=\${WIREGUARD_PRIVATE_KEY}
      - WIREGUARD_ADDRESSES=\${WIREGUARD_ADDRESSES:-10.64.222.21/32}
      - SERVER_CITIES=\${SERVER_CITIES:-Amsterdam}
${healthcheck(8000)}
  qbittorrent:
    image: lscr.io/linuxserver/qbittorrent:4.6.7
    command: ["httpd", "-f", "-p", "8080", "-h", "/www"]
    restart: unless-stopped
    network_mode: service:gluetun
    depends_on: [gluetun]
${linuxserverEnv}      - WEBUI_PORT=8080
    volumes:
      - qbittorrent_config:/config
      - \${MEDIA_ROOT:-/srv/media}/downloads:/data/downloads
${healthcheck(8080)}
volumes:
  qbittorrent_config:
`,
    '.env.sample':
      'PUID=1000\nPGID=1000\nTZ=Europe/Berlin\nMEDIA_ROOT=/srv/media\nWIREGUARD_PRIVATE_KEY=changeme\nQBT_WEBUI_PORT=8080\nGLUETUN_CONTROL_PORT=8000\n',
  },
  hostEnv: (ctx) => ({
    PUID: '1000',
    PGID: '1000',
    TZ: 'Europe/Berlin',
    MEDIA_ROOT: `${ctx.srvDir}/media`,
    WIREGUARD_PRIVATE_KEY: 'bGFiLXNlY3JldC13aXJlZ3VhcmQta2V5LTAwMDAwMDA9',
    QBT_WEBUI_PORT: String(ctx.ports['QBT_WEBUI_PORT']),
    GLUETUN_CONTROL_PORT: String(ctx.ports['GLUETUN_CONTROL_PORT']),
  }),
};

/** Stacks of host 2 (`ct-media-01`, endpoint `media01`). */
export const media01Stacks: readonly FixtureStack[] = [mediaPlex, mediaIndexers, mediaDownloads];
