import type { ChatPort, Platform } from '../chat/chat-port.js';
import { redactingChat, type Redact } from '../bot/redacting-chat.js';

export { redactorOf } from '../log.js';

/** Every chat port of the map behind the redacting gate (`redactingChat`). */
export const redactChats = (
  chats: Partial<Record<Platform, ChatPort>>,
  redact: Redact,
): Partial<Record<Platform, ChatPort>> =>
  Object.fromEntries(Object.entries(chats).map(([platform, port]) => [platform, redactingChat(port, redact)]));
