import type { AnswerHandle, Attachment, ChatPort, OutgoingMessage } from '../chat/chat-port.js';

/** Replaces secrets in one text (the process's `SecretBook.redact`, or `redactText` with no known values). */
export type Redact = (text: string) => string;

const TEXT_TYPES = /^(?:text\/|application\/(?:json|x-yaml|yaml|xml))/;
const isTextFile = (a: Attachment): boolean =>
  typeof a.content === 'string' ||
  TEXT_TYPES.test(a.contentType ?? '') ||
  /\.(?:md|json|diff|txt|ya?ml|mmd|csv|log)$/i.test(a.filename);

function redactAttachment(a: Attachment, redact: Redact): Attachment {
  if (!isTextFile(a)) return a;
  const text = typeof a.content === 'string' ? a.content : Buffer.from(a.content).toString('utf8');
  const clean = redact(text);
  if (clean === text) return a;
  return { ...a, content: typeof a.content === 'string' ? clean : Buffer.from(clean, 'utf8') };
}

/** A message with every text a person can see (body, attachments, button and menu labels) redacted. */
export function redactMessage(message: OutgoingMessage, redact: Redact): OutgoingMessage {
  return {
    ...message,
    text: redact(message.text),
    ...(message.attachments === undefined
      ? {}
      : { attachments: message.attachments.map((a) => redactAttachment(a, redact)) }),
    ...(message.buttons === undefined
      ? {}
      : { buttons: message.buttons.map((b) => ({ ...b, label: redact(b.label) })) }),
    ...(message.select === undefined
      ? {}
      : {
          select: {
            ...message.select,
            placeholder: redact(message.select.placeholder),
            options: message.select.options.map((o) => ({
              ...o,
              label: redact(o.label),
              ...(o.description === undefined ? {} : { description: redact(o.description) }),
            })),
          },
        }),
  };
}

/**
 * The last gate before chat: every outgoing message, thread title, edit and DM of `port` is
 * redacted. Reports are masked where they are made; this catches whatever slipped through
 * (an error message quoting a URL with a password, a known token inside server text).
 */
export function redactingChat(port: ChatPort, redact: Redact): ChatPort {
  return {
    platform: port.platform,
    openThread: (channelId, title, first, key) =>
      port.openThread(channelId, redact(title), redactMessage(first, redact), key),
    openThreadOn: (root, title) => port.openThreadOn(root, redact(title)),
    post: (thread, message, key) => port.post(thread, redactMessage(message, redact), key),
    edit: (message, next) => port.edit(message, redactMessage(next, redact)),
    disableActions: (message) => port.disableActions(message),
    sendDirect: (userId, message) => port.sendDirect(userId, redactMessage(message, redact)),
    ...(port.findPosted === undefined
      ? {}
      : {
          findPosted: (channelId: string, threadId: string | undefined, key: string) =>
            port.findPosted?.(channelId, threadId, key) ?? Promise.resolve(undefined),
        }),
    ...(port.answerLater === undefined
      ? {}
      : {
          answerLater: (handle: AnswerHandle, text: string) =>
            port.answerLater?.(handle, redact(text)) ?? Promise.resolve(),
        }),
    ...(port.answerInChannel === undefined
      ? {}
      : {
          answerInChannel: (channelId: string, userId: string, text: string) =>
            port.answerInChannel?.(channelId, userId, redact(text)) ?? Promise.resolve(),
        }),
  };
}
