/**
 * Gluetun HTTP control server emulator (v3.41 behaviour) on 127.0.0.1:<free port>, for
 * `shared/contracts/gluetun.md`. Replies are Go-style JSON text (`text/plain`, trailing newline) and
 * are checked against zod schemas written from that contract (gluetun-contract.ts); a violation is
 * recorded in `violations` and the reply becomes a 500.
 *
 * Auth (v3.41 default): a role covering `routes` (default every GET route below) with
 * `auth = "apikey"` — key from `X-API-Key` or `?api_key=`. A route no role covers, or a wrong/missing
 * key → 401 `Unauthorized`. `apiKey: null` serves the routes without auth (a role with `auth = "none"`).
 * Routes: GET /v1/publicip/ip, GET|PUT /v1/vpn/status, GET /v1/openvpn/status (reports `stopped` for
 * WireGuard), GET /v1/portforward, GET /v1/openvpn/portforwarded (301 → /v1/portforward), GET /v1/version.
 *
 * Default state: WireGuard, status `running`, public IP `198.51.100.23` (Netherlands), no forwarded port.
 * Seed/fault API: setPublicIp(ip | '' , extra?), setVpnStatus(status), setVpnType('openvpn'|'wireguard'),
 * setForwardedPorts([…]), down()/up(), hang(true), override(method, path, reply).
 */
import { startHttpEmulator, type EmuReply, type EmuRequest, type HttpEmulator } from '../arr-common/http-emulator.js';
import { checkGluetunReply } from './gluetun-contract.js';

export type VpnStatus = 'starting' | 'running' | 'stopping' | 'stopped' | 'crashed' | 'completed';

export interface GluetunState {
  publicIp: {
    public_ip: string;
    country?: string;
    city?: string;
    organization?: string;
    region?: string;
    timezone?: string;
  };
  vpnStatus: VpnStatus;
  vpnType: 'wireguard' | 'openvpn';
  ports: number[];
}

export interface GluetunEmulatorOptions {
  /** `null` = no auth needed; default {@link GLUETUN_API_KEY}. */
  readonly apiKey?: string | null;
  /** `METHOD /path` entries the role covers (default: every route). */
  readonly routes?: readonly string[];
}

export interface GluetunEmulator extends HttpEmulator {
  readonly apiKey: string | null;
  readonly state: GluetunState;
  setPublicIp(ip: string, extra?: Omit<GluetunState['publicIp'], 'public_ip'>): void;
  setVpnStatus(status: VpnStatus): void;
  setVpnType(type: GluetunState['vpnType']): void;
  setForwardedPorts(ports: readonly number[]): void;
}

export const GLUETUN_API_KEY = 'emulator-gluetun-control-key';
const ROUTES = [
  'GET /v1/publicip/ip',
  'GET /v1/vpn/status',
  'PUT /v1/vpn/status',
  'GET /v1/openvpn/status',
  'GET /v1/portforward',
  'GET /v1/openvpn/portforwarded',
  'GET /v1/version',
];

const goJson = (value: unknown, status = 200): EmuReply => ({
  status,
  text: `${JSON.stringify(value)}\n`,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
});
const plain = (status: number, text: string): EmuReply => ({
  status,
  text: `${text}\n`,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
});

function serve(state: GluetunState, route: string, req: EmuRequest): EmuReply {
  switch (route) {
    case 'GET /v1/publicip/ip':
      return goJson(state.publicIp);
    case 'GET /v1/vpn/status':
      return goJson({ status: state.vpnStatus });
    case 'GET /v1/openvpn/status':
      return goJson({ status: state.vpnType === 'openvpn' ? state.vpnStatus : 'stopped' });
    case 'GET /v1/portforward':
      return goJson(state.ports.length > 1 ? { ports: state.ports } : { port: state.ports[0] ?? 0 });
    case 'GET /v1/openvpn/portforwarded':
      return { status: 301, text: '', headers: { Location: '/v1/portforward' } };
    case 'GET /v1/version':
      return goJson({ version: 'v3.41.1', commit: '7f22fb3', created: '2025-11-01T00:00:00Z' });
    case 'PUT /v1/vpn/status': {
      const wanted = (req.body as { status?: unknown } | undefined)?.status;
      if (wanted !== 'running' && wanted !== 'stopped')
        return plain(400, `invalid status: ${String(wanted)}: possible values are: stopped, running`);
      state.vpnStatus = wanted;
      return goJson({ outcome: wanted });
    }
    default:
      return plain(404, 'Not Found');
  }
}

export async function startGluetunEmulator(options: GluetunEmulatorOptions = {}): Promise<GluetunEmulator> {
  const apiKey = options.apiKey === undefined ? GLUETUN_API_KEY : options.apiKey;
  const covered = new Set(options.routes ?? ROUTES);
  const state: GluetunState = {
    publicIp: {
      public_ip: '198.51.100.23',
      region: 'Zuid-Holland',
      country: 'Netherlands',
      city: 'Rotterdam',
      organization: 'AS64500 Emulated VPN',
      timezone: 'Europe/Amsterdam',
    },
    vpnStatus: 'running',
    vpnType: 'wireguard',
    ports: [],
  };
  const routeOf = (req: EmuRequest) => `${req.method} ${req.url.pathname}`;
  const handle = (req: EmuRequest): EmuReply => {
    const route = routeOf(req);
    if (!covered.has(route)) return plain(401, 'Unauthorized');
    const given = req.headers['x-api-key'] ?? req.url.searchParams.get('api_key');
    if (apiKey !== null && given !== apiKey) return plain(401, 'Unauthorized');
    return serve(state, route, req);
  };
  const http = await startHttpEmulator({
    handle,
    validate: (req, reply) => checkGluetunReply(routeOf(req), reply.status, reply.text),
  });
  return Object.assign(http, {
    apiKey,
    state,
    setPublicIp: (ip: string, extra: Omit<GluetunState['publicIp'], 'public_ip'> = {}) => {
      state.publicIp = { public_ip: ip, ...extra };
    },
    setVpnStatus: (status: VpnStatus) => {
      state.vpnStatus = status;
    },
    setVpnType: (type: GluetunState['vpnType']) => {
      state.vpnType = type;
    },
    setForwardedPorts: (ports: readonly number[]) => {
      state.ports = [...ports];
    },
  });
}
