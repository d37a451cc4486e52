import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EmulatorState } from './emulator-state.js';
import { guildCreatePayload, readyPayload, type EmuIdentity } from './payloads.js';

interface Session {
  readonly ws: WebSocket;
  seq: number;
  identified: boolean;
}

/** The gateway side: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACK, RESUME → invalid session. */
export interface Gateway {
  /**
   * Sends a dispatch (`op 0`) to every identified connection, as Discord does for every session
   * of a shard, or only to the `only`-th (0 = the oldest); returns how many got it.
   */
  dispatch(event: string, data: unknown, only?: number): number;
  /** Closes every connection with the given close code (4004 = auth failed, 1000 = reconnect). */
  closeAll(code: number): void;
  readonly connectedCount: () => number;
  shutdown(): Promise<void>;
}

const send = (s: Session, payload: unknown): void => {
  s.ws.send(JSON.stringify(payload));
};

function dispatchTo(s: Session, event: string, data: unknown): void {
  s.seq += 1;
  send(s, { op: 0, t: event, s: s.seq, d: data });
}

function onMessage(state: EmulatorState, ids: EmuIdentity, token: string, s: Session, raw: string): void {
  const p = JSON.parse(raw) as { op: number; d?: { token?: string } };
  if (p.op === 1) send(s, { op: 11 });
  if (p.op === 2) {
    if (p.d?.token !== token) {
      s.ws.close(4004, 'Authentication failed.');
      return;
    }
    dispatchTo(s, 'READY', readyPayload(ids, state.nextId()));
    const roleIds = new Set([...state.users.values()].flatMap((u) => u.roleIds));
    dispatchTo(s, 'GUILD_CREATE', guildCreatePayload(ids, [...state.channels.values()], [...roleIds]));
    s.identified = true;
  }
  // Minimal resume: the session is invalid and the client identifies again.
  if (p.op === 6) send(s, { op: 9, d: false });
  state.events.emit('change');
}

export function startGateway(server: Server, state: EmulatorState, ids: EmuIdentity, token: string): Gateway {
  const wss = new WebSocketServer({ server, path: '/gateway' });
  const sessions = new Set<Session>();
  wss.on('connection', (ws) => {
    const s: Session = { ws, seq: 0, identified: false };
    sessions.add(s);
    ws.on('close', () => {
      sessions.delete(s);
      state.events.emit('change');
    });
    ws.on('message', (raw: Buffer) => {
      onMessage(state, ids, token, s, raw.toString('utf8'));
    });
    // heartbeat_interval >= 41250: tests never wait for the jittered first heartbeat.
    send(s, { op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null });
  });
  return {
    dispatch(event, data, only) {
      const identified = [...sessions].filter((s) => s.identified);
      const ready = only === undefined ? identified : identified.slice(only, only + 1);
      for (const s of ready) dispatchTo(s, event, data);
      return ready.length;
    },
    closeAll(code) {
      for (const s of sessions) s.ws.close(code);
    },
    connectedCount: () => [...sessions].filter((s) => s.identified).length,
    shutdown: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.ws.terminate();
        wss.close(() => {
          resolve();
        });
      }),
  };
}
