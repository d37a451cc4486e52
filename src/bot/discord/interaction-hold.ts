import type { Client } from 'discord.js';
import type { Logger } from '../../log.js';

/**
 * Holds discord.js's own handling of INTERACTION_CREATE packets (building the Interaction:
 * user, member, channel, options) until `until()` resolves. The adapter acks from the raw
 * packet first (`RawAcker`); without the hold, discord.js built every Interaction of a burst in
 * the turn its packet arrived, ahead of the acks of the packets after it (bench/ack-latency.ts).
 * Handlers wait for the burst's acks anyway (`AckGate`), so holding costs them nothing.
 *
 * discord.js has no option for this: the hold wraps `client.ws.handlePacket` of this client
 * (discord.js 14, pinned). When that method is missing, packets are handled at once, as before,
 * and a warning is logged.
 */
export interface InteractionHold {
  /** Hands every held packet to discord.js now (synchronously) and passes later ones straight through. */
  release(): void;
}

type HandlePacket = (packet?: { t?: unknown }, shard?: unknown) => boolean;

export function holdInteractionPackets(client: Client, until: () => Promise<void>, log: Logger): InteractionHold {
  const manager = client.ws as unknown as { handlePacket?: HandlePacket };
  const original = manager.handlePacket;
  if (typeof original !== 'function') {
    log.warn('discord.js has no WebSocketManager.handlePacket: interactions are built as they arrive');
    return { release: () => undefined };
  }
  let held: [packet: { t?: unknown }, shard: unknown][] = [];
  let waiting = false;
  let released = false;
  const handle = (packet: { t?: unknown } | undefined, shard: unknown): boolean =>
    original.call(manager, packet, shard);
  const flush = (): void => {
    waiting = false;
    const now = held;
    held = [];
    for (const [packet, shard] of now)
      try {
        handle(packet, shard);
      } catch (error) {
        // One interaction discord.js cannot build must not cost the others held with it.
        log.error({ err: error }, 'discord.js failed on a held interaction');
      }
  };
  manager.handlePacket = (packet, shard) => {
    if (released || packet?.t !== 'INTERACTION_CREATE') return handle(packet, shard);
    held.push([packet, shard]);
    if (!waiting) {
      waiting = true;
      void until().then(flush, flush);
    }
    return true;
  };
  return {
    release: () => {
      released = true;
      flush();
    },
  };
}
