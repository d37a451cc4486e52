import type { EmulatorState, LoggedFile, StoredAttachment, StoredMessage } from './emulator-state.js';
import { normalizeComponents } from './payloads.js';

export interface MessageInput {
  readonly channelId: string;
  readonly authorId: string;
  readonly webhookId?: string | null;
  readonly type?: number;
  readonly flags?: number;
}

type Payload = Record<string, unknown> | undefined;

const toAttachments = (state: EmulatorState, files: readonly LoggedFile[]): StoredAttachment[] =>
  files.map((f) => {
    const a = { id: state.nextId(), filename: f.filename, contentType: f.contentType, bytes: f.bytes };
    state.attachments.set(a.id, a);
    return a;
  });

/** Stores a new message from a create payload plus uploaded files. */
export function createMessage(
  state: EmulatorState,
  input: MessageInput,
  payload: Payload,
  files: readonly LoggedFile[],
): StoredMessage {
  const message: StoredMessage = {
    id: state.nextId(),
    channelId: input.channelId,
    authorId: input.authorId,
    webhookId: input.webhookId ?? null,
    type: input.type ?? 0,
    flags: (input.flags ?? 0) | (Number(payload?.['flags'] ?? 0) & 64),
    content: typeof payload?.['content'] === 'string' ? payload['content'] : '',
    components: normalizeComponents(payload?.['components']),
    attachments: toAttachments(state, files),
    timestamp: new Date().toISOString(),
    editedTimestamp: null,
    threadId: null,
  };
  state.messages.set(message.id, message);
  return message;
}

/**
 * Applies an edit payload. As on Discord: fields absent from the payload stay; `attachments`
 * lists the existing attachments to keep; new files are appended. Clears the loading flag 128.
 */
export function editMessage(
  state: EmulatorState,
  message: StoredMessage,
  payload: Payload,
  files: readonly LoggedFile[],
): void {
  if (typeof payload?.['content'] === 'string') message.content = payload['content'];
  if (payload !== undefined && 'components' in payload) message.components = normalizeComponents(payload['components']);
  const keep = payload?.['attachments'];
  if (Array.isArray(keep)) {
    const ids = new Set(keep.map((a) => String((a as { id?: unknown }).id)));
    message.attachments = message.attachments.filter((a) => ids.has(a.id));
  }
  message.attachments = [...message.attachments, ...toAttachments(state, files)];
  message.flags &= ~128;
  message.editedTimestamp = new Date().toISOString();
}

/** Messages of a channel or thread in posting order. */
export const messagesIn = (state: EmulatorState, channelId: string): StoredMessage[] =>
  [...state.messages.values()].filter((m) => m.channelId === channelId);
