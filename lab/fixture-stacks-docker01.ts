import { healthcheck, traefikLabels, type FixtureStack } from './fixture-stack.js';

const proxyNetwork = `networks:
  proxy:
    external: true
`;

const infraCore: FixtureStack = {
  name: 'infra-core',
  endpoint: 'docker01',
  services: ['traefik', 'whoami'],
  portVars: ['TRAEFIK_HTTP_PORT'],
  files: {
    'docker-compose.yml': `services:
  traefik:
    image: traefik:v3.1.2
    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
    restart: unless-stopped
    ports:
      - "127.0.0.1:\${TRAEFIK_HTTP_PORT:-18080}:80"
    environment:
      - TZ=\${TZ:-Europe/Berlin}
      - CF_DNS_API_TOKEN=\${CF_DNS_API_TOKEN}
    volumes:
      - traefik_certs:/letsencrypt
      - ./traefik.yml:/etc/traefik/traefik.yml:ro
    networks: [proxy]
${healthcheck(80)}
  whoami:
    image: traefik/whoami:v1.10.3
    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
    restart: unless-stopped
    networks: [proxy]
${traefikLabels('whoami', 80)}
volumes:
  traefik_certs:

${proxyNetwork}`,
    '.env.sample': 'TZ=Europe/Berlin\nDOMAIN=home.lan\nTRAEFIK_HTTP_PORT=18080\nCF_DNS_API_TOKEN=changeme\n',
    'traefik.yml':
      'entryPoints:\n  web:\n    address: ":80"\n  websecure:\n    address: ":443"\nproviders:\n  docker:\n    exposedByDefault: false\n',
  },
  hostEnv: (ctx) => ({
    TZ: 'Europe/Berlin',
    DOMAIN: 'home.lan',
    TRAEFIK_HTTP_PORT: String(ctx.ports['TRAEFIK_HTTP_PORT']),
    CF_DNS_API_TOKEN: 'lab-secret-cf-token-0f3a9c',
  }),
};

const dnsPihole: FixtureStack = {
  name: 'dns-pihole',
  endpoint: 'docker01',
  services: ['pihole'],
  portVars: ['PIHOLE_WEB_PORT'],
  files: {
    'docker-compose.yml': `services:
  pihole:
    image: pihole/pihole:2024.07.0
    command: ["httpd", "-f", "-p", "80", "-h", "/www"]
    restart: unless-stopped
    ports:
      - "127.0.0.1:\${PIHOLE_WEB_PORT:-18081}:80/tcp"
    environment:
      TZ: \${TZ:-Europe/Berlin}
      WEBPASSWORD: \${PIHOLE_PASSWORD}
      FTLCONF_LOCAL_IPV4: \${PIHOLE_IP:-192.168.1.2}
    volumes:
      - pihole_etc:/etc/pihole
      - ./etc-dnsmasq.d:/etc/dnsmasq.d
    networks: [proxy]
${traefikLabels('pihole', 80)}${healthcheck(80)}
volumes:
  pihole_etc:

${proxyNetwork}`,
    '.env.sample': 'TZ=Europe/Berlin\nPIHOLE_PASSWORD=changeme\nPIHOLE_IP=192.168.1.2\nPIHOLE_WEB_PORT=18081\n',
    'etc-dnsmasq.d/02-lan.conf': 'address=/nas.home.lan/192.168.1.10\n',
  },
  hostEnv: (ctx) => ({
    TZ: 'Europe/Berlin',
    PIHOLE_PASSWORD: 'lab-secret-pihole-pw-71c2',
    PIHOLE_WEB_PORT: String(ctx.ports['PIHOLE_WEB_PORT']),
  }),
};

const observability: FixtureStack = {
  name: 'observability',
  endpoint: 'docker01',
  services: ['prometheus', 'grafana'],
  portVars: ['GRAFANA_PORT'],
  files: {
    'docker-compose.yml': `services:
  prometheus:
    image: prom/prometheus:v2.54.1
    command: ["httpd", "-f", "-p", "9090", "-h", "/www"]
    restart: unless-stopped
    volumes:
      - prometheus_data:/prometheus
    networks: [default]
${healthcheck(9090)}
  grafana:
    image: grafana/grafana:11.2.0
    command: ["httpd", "-f", "-p", "3000", "-h", "/www"]
    restart: unless-stopped
    depends_on: [prometheus]
    ports:
      - "127.0.0.1:\${GRAFANA_PORT:-13000}:3000"
    environment:
      - GF_SECURITY_ADMIN_PASSWORD=\${GRAFANA_ADMIN_PASSWORD}
      - GF_USERS_ALLOW_SIGN_UP=false
    volumes:
      - grafana_data:/var/lib/grafana
    networks: [default, proxy]
${traefikLabels('grafana', 3000)}${healthcheck(3000)}
volumes:
  prometheus_data:
  grafana_data:

${proxyNetwork}`,
    // The endpoint override: only this host runs it with these extra settings.
    'docker-compose.docker01.yml': `services:
  grafana:
    environment:
      - GF_SERVER_ROOT_URL=https://grafana.docker01.home.lan
    labels:
      - homelab.endpoint=docker01
`,
    '.env.sample': 'GRAFANA_ADMIN_PASSWORD=changeme\nGRAFANA_PORT=13000\n',
  },
  hostEnv: (ctx) => ({
    GRAFANA_ADMIN_PASSWORD: 'lab-secret-grafana-pw-9d1e',
    GRAFANA_PORT: String(ctx.ports['GRAFANA_PORT']),
  }),
};

/** Stacks of host 1 (`ct-docker-01`, endpoint `docker01`). */
export const docker01Stacks: readonly FixtureStack[] = [infraCore, dnsPihole, observability];
