/**
 * Interaction callback types the adapter acknowledges with: 5 defers a reply (ephemeral, so a
 * refusal or "already received" stays private; the public line is posted to the channel), 6
 * defers an update of the clicked message.
 */
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
  if (d.type === 3 && (d.data?.component_type === 2 || d.data?.component_type === 3))
    return { id: d.id, token: d.token, type: 6 };
  return undefined;
}

/** Flag 64: only the invoker sees the deferred reply and its edits. */
export const ephemeralFlag = 64;

/** The callback body: a deferred reply is ephemeral (flag 64); a deferred update carries no data. */
export const ackBody = (type: AckType): string =>
  type === 5 ? `{"type":5,"data":{"flags":${String(ephemeralFlag)}}}` : '{"type":6}';
