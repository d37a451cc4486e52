import { appendFileSync } from 'node:fs';
import type { ChatPort, MessageRef, OutgoingMessage, ThreadRef } from '../../src/chat/chat-port.js';

/** One outbound call as written to the record file (one JSON object per line). */
export interface RecordedCall {
  readonly op: 'post' | 'edit' | 'disable' | 'open' | 'direct';
  readonly pid: number;
  readonly threadId?: string | undefined;
  readonly messageId?: string | undefined;
  readonly text?: string;
}

/** A ChatPort that appends every call to a file, so a parent process can count posts of a killed child. */
export class RecordingChat implements ChatPort {
  readonly platform = 'shell' as const;
  private next = 1;

  constructor(private readonly file: string) {}

  private record(call: Omit<RecordedCall, 'pid'>): void {
    appendFileSync(this.file, `${JSON.stringify({ ...call, pid: process.pid })}\n`);
  }

  private ref(channelId: string, threadId?: string): MessageRef {
    return {
      platform: 'shell',
      channelId,
      messageId: `p${process.pid}-${this.next++}`,
      ...(threadId === undefined ? {} : { threadId }),
    };
  }

  openThread(
    channelId: string,
    title: string,
    first: OutgoingMessage,
  ): Promise<{ thread: ThreadRef; root: MessageRef }> {
    this.record({ op: 'open', text: `${title}: ${first.text}` });
    return Promise.resolve({ thread: { platform: 'shell', channelId, threadId: 'T' }, root: this.ref(channelId) });
  }

  openThreadOn(root: MessageRef, title: string): Promise<ThreadRef> {
    this.record({ op: 'open', messageId: root.messageId, text: title });
    return Promise.resolve({ platform: 'shell', channelId: root.channelId, threadId: root.messageId });
  }

  post(thread: ThreadRef, message: OutgoingMessage): Promise<MessageRef> {
    const ref = this.ref(thread.channelId, thread.threadId);
    this.record({ op: 'post', threadId: thread.threadId, messageId: ref.messageId, text: message.text });
    return Promise.resolve(ref);
  }

  edit(message: MessageRef, next: OutgoingMessage): Promise<void> {
    this.record({ op: 'edit', threadId: message.threadId, messageId: message.messageId, text: next.text });
    return Promise.resolve();
  }

  disableActions(message: MessageRef): Promise<void> {
    this.record({ op: 'disable', messageId: message.messageId });
    return Promise.resolve();
  }

  sendDirect(userId: string, message: OutgoingMessage): Promise<MessageRef> {
    this.record({ op: 'direct', text: `${userId}: ${message.text}` });
    return Promise.resolve(this.ref(`dm-${userId}`));
  }
}
