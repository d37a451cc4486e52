import { callMedia, type MediaTarget } from './media-http.js';
import { expectOk } from './media-reply.js';
import {
  gluetunPortSchema,
  gluetunPublicIpSchema,
  gluetunStatusSchema,
  gluetunVersionSchema,
} from './gluetun-schemas.js';

export interface GluetunClientOptions {
  /** Control server base URL, e.g. `http://gluetun:8000`. */
  readonly url: string;
  /** Sent as `X-API-Key` when the control server's auth config needs one. */
  readonly apiKey?: string | undefined;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** The VPN exit as Gluetun sees it; `ip` is `''` while unknown. */
export interface GluetunPublicIp {
  readonly ip: string;
  readonly country?: string;
  readonly city?: string;
  readonly organization?: string;
}

/** Gluetun's HTTP control server. Every method takes an optional AbortSignal. */
export interface GluetunClient {
  publicIp(signal?: AbortSignal): Promise<GluetunPublicIp>;
  /** `GET /v1/vpn/status` (works for OpenVPN and WireGuard; `/v1/openvpn/status` says `stopped` for WireGuard). */
  vpnStatus(signal?: AbortSignal): Promise<string>;
  /** Forwarded ports (empty when none). */
  forwardedPorts(signal?: AbortSignal): Promise<number[]>;
  version(signal?: AbortSignal): Promise<string>;
}

export function createGluetunClient(options: GluetunClientOptions): GluetunClient {
  const target: MediaTarget = {
    service: 'Gluetun',
    url: options.url,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    headers: options.apiKey === undefined || options.apiKey === '' ? {} : { 'X-API-Key': options.apiKey },
  };
  const get = async (path: string, signal?: AbortSignal) => callMedia(target, { method: 'GET', path, signal });
  return {
    publicIp: async (signal) => {
      const {
        public_ip: ip,
        country,
        city,
        organization,
      } = expectOk(await get('/v1/publicip/ip', signal), gluetunPublicIpSchema);
      return {
        ip,
        ...(country === undefined ? {} : { country }),
        ...(city === undefined ? {} : { city }),
        ...(organization === undefined ? {} : { organization }),
      };
    },
    vpnStatus: async (signal) => expectOk(await get('/v1/vpn/status', signal), gluetunStatusSchema).status,
    forwardedPorts: async (signal) => {
      const body = expectOk(await get('/v1/portforward', signal), gluetunPortSchema);
      const ports = body.ports ?? (body.port === undefined ? [] : [body.port]);
      return ports.filter((p) => p > 0);
    },
    version: async (signal) => expectOk(await get('/v1/version', signal), gluetunVersionSchema).version,
  };
}
