import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ExternalError } from '../../errors.js';

/** Interaction callback types the adapter acknowledges with: 5 defer a reply, 6 defer an update. */
export type AckType = 5 | 6;

/** The fields of a raw `INTERACTION_CREATE` payload this module reads. */
interface RawInteraction {
  readonly id?: unknown;
  readonly token?: unknown;
  readonly type?: unknown;
  readonly data?: { readonly type?: unknown; readonly component_type?: unknown };
}

/** A raw interaction the adapter acknowledges, with how: chat-input commands 5, buttons and string selects 6. */
export function toAck(d: RawInteraction): { id: string; token: string; type: AckType } | undefined {
  if (typeof d.id !== 'string' || typeof d.token !== 'string') return undefined;
  if (d.type === 2 && d.data?.type === 1) return { id: d.id, token: d.token, type: 5 };
  if (d.type === 3 && (d.data?.component_type === 2 || d.data?.component_type === 3)) return { id: d.id, token: d.token, type: 6 };
  return undefined;
}

/** Posts interaction callbacks over kept-alive sockets (no Authorization: the token is in the path). */
export interface RawAcker {
  /** `POST /interactions/{id}/{token}/callback` with `{ type }`; rejects unless Discord answers 2xx. */
  ack(id: string, token: string, type: AckType): Promise<void>;
  /** Closes the idle sockets. */
  close(): void;
}

/**
 * Sockets kept alive for acks. Measured with 200-command bursts (bench/ack-latency.ts): 32 warm
 * sockets halved the bot's CPU per ack against one new socket per ack; 16 and 64 were slower.
 */
export const defaultAckSockets = 32;

/**
 * Acknowledges straight from the gateway packet, before discord.js builds its structures and
 * without @discordjs/rest's queueing: under a burst every ack is written within the same
 * event-loop turn as its frame, on a reused socket. `apiUrl` as for `DiscordAdapterOptions`.
 */
export function createRawAcker(apiUrl = 'https://discord.com/api', maxSockets = defaultAckSockets, version = 10): RawAcker {
  const base = new URL(`${apiUrl.replace(/\/$/, '')}/v${String(version)}`);
  const secure = base.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets }) : new HttpAgent({ keepAlive: true, maxSockets });
  const send = secure ? httpsRequest : httpRequest;
  return {
    ack(id, token, type) {
      const body = `{"type":${String(type)}}`;
      const path = `${base.pathname}/interactions/${encodeURIComponent(id)}/${encodeURIComponent(token)}/callback`;
      return new Promise((resolve, reject) => {
        const req = send({ protocol: base.protocol, hostname: base.hostname, port: base.port, path, method: 'POST', agent, headers: {
          'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'DiscordBot (homelab-bot, 1)',
        } }, (res) => {
          res.resume();
          const status = res.statusCode ?? 0;
          res.once('end', () => { if (status >= 200 && status < 300) resolve(); else reject(new ExternalError('discord-api', `Discord refused to acknowledge the interaction (HTTP ${String(status)})`, { context: { status } })); });
        });
        req.once('error', (error) => { reject(new ExternalError('discord-unreachable', 'Could not reach Discord to acknowledge the interaction', { cause: error })); });
        req.end(body);
      });
    },
    close() { agent.destroy(); },
  };
}
