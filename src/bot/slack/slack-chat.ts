import type { webApi, types } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type {
  Attachment,
  ChatPort,
  IdempotencyKey,
  MessageRef,
  OutgoingMessage,
  ThreadRef,
} from '../../chat/chat-port.js';
import { fallbackText, toSlackBlocks, withoutActions } from './slack-blocks.js';
import { callSlack } from './slack-call.js';

const platform = 'slack' as const;
/** The metadata event type of posts that carry an idempotency key. */
const postEventType = 'hlb_post';
/** How many recent messages `findPosted` reads back (a takeover happens within a minute of the post). */
const lookBack = 100;

/**
 * `ChatPort` on the Slack Web API with the bot token, so workers can post and edit without a
 * receiver. A thread is its root message's `ts`; attachments go into the thread with
 * `files.uploadV2`. Needs scopes `chat:write`, `files:write`, `im:write` and
 * `channels:history`/`groups:history` (read back blocks in `disableActions` and keyed posts in `findPosted`).
 */
export class SlackChat implements ChatPort {
  readonly platform = platform;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
  ) {}

  async openThread(
    channelId: string,
    title: string,
    first: OutgoingMessage,
    key?: IdempotencyKey,
  ): Promise<{ thread: ThreadRef; root: MessageRef }> {
    const text = first.text.trim() === '' ? { ...first, text: title } : first;
    const root = await this.postTo(channelId, undefined, text, key);
    return { thread: { platform, channelId: root.channelId, threadId: root.messageId }, root };
  }

  /** Slack threads hang off any message: the thread id is the message's ts (or its own thread). */
  openThreadOn(root: MessageRef): Promise<ThreadRef> {
    return Promise.resolve({ platform, channelId: root.channelId, threadId: root.threadId ?? root.messageId });
  }

  post(thread: ThreadRef, message: OutgoingMessage, key?: IdempotencyKey): Promise<MessageRef> {
    return this.postTo(thread.channelId, thread.threadId, message, key);
  }

  /** Reads the newest messages of the channel or thread back with their metadata, for the `key` a post carried. */
  async findPosted(
    channelId: string,
    threadId: string | undefined,
    key: IdempotencyKey,
  ): Promise<MessageRef | undefined> {
    const range = { channel: channelId, limit: lookBack, include_all_metadata: true };
    const res =
      threadId === undefined
        ? await callSlack('conversations.history', () => this.client.conversations.history(range))
        : await callSlack('conversations.replies', () => this.client.conversations.replies({ ...range, ts: threadId }));
    const found = res.messages?.find((m) => {
      const payload: Readonly<Record<string, unknown>> | undefined = m.metadata?.event_payload;
      return m.metadata?.event_type === postEventType && payload?.['key'] === key;
    });
    if (found?.ts === undefined) return undefined;
    return { platform, channelId, messageId: found.ts, threadId: threadId ?? found.ts };
  }

  async edit(message: MessageRef, next: OutgoingMessage): Promise<void> {
    await callSlack('chat.update', () =>
      this.client.chat.update({
        channel: message.channelId,
        ts: message.messageId,
        text: fallbackText(next),
        blocks: toSlackBlocks(next),
      }),
    );
  }

  /** Slack has no disabled buttons: actions blocks become a "✔ … — used" context line. */
  async disableActions(message: MessageRef): Promise<void> {
    const current = await this.fetchMessage(message);
    const blocks = (current?.blocks ?? []) as types.KnownBlock[];
    if (!blocks.some((b) => b.type === 'actions')) return;
    await callSlack('chat.update', () =>
      this.client.chat.update({
        channel: message.channelId,
        ts: message.messageId,
        text: current?.text ?? ' ',
        blocks: withoutActions(blocks),
      }),
    );
  }

  async sendDirect(userId: string, message: OutgoingMessage): Promise<MessageRef> {
    const opened = await callSlack('conversations.open', () => this.client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (channel === undefined) throw new Error('conversations.open returned no channel id');
    return this.postTo(channel, undefined, message);
  }

  /** See `ChatPort.answerInChannel`: an ephemeral post, for a recovered command's invoker. */
  answerInChannel(channelId: string, userId: string, text: string): Promise<void> {
    return this.postEphemeral(channelId, userId, text);
  }

  /** Posts visible only to `user` (fallback when a `response_url` has expired). */
  async postEphemeral(channel: string, user: string, text: string): Promise<void> {
    const message = { text };
    await callSlack('chat.postEphemeral', () =>
      this.client.chat.postEphemeral({
        channel,
        user,
        text: fallbackText(message),
        blocks: toSlackBlocks(message),
      }),
    );
  }

  /** Posts in a channel, or in a thread when `threadTs` is set; attachments go into the thread. */
  async postTo(
    channel: string,
    threadTs: string | undefined,
    message: OutgoingMessage,
    key?: IdempotencyKey,
  ): Promise<MessageRef> {
    const res = await callSlack('chat.postMessage', () =>
      this.client.chat.postMessage({
        channel,
        text: fallbackText(message),
        blocks: toSlackBlocks(message),
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        // The key rides along as message metadata, so `findPosted` can find the post after a crash.
        ...(key === undefined ? {} : { metadata: { event_type: postEventType, event_payload: { key } } }),
      }),
    );
    if (res.ts === undefined) throw new Error('chat.postMessage returned no ts');
    const ref: MessageRef = {
      platform,
      channelId: res.channel ?? channel,
      messageId: res.ts,
      threadId: threadTs ?? res.ts,
    };
    await this.upload(
      ref.channelId,
      threadTs ?? (channel.startsWith('D') ? undefined : res.ts),
      message.attachments ?? [],
    );
    return ref;
  }

  private async upload(
    channel: string,
    threadTs: string | undefined,
    attachments: readonly Attachment[],
  ): Promise<void> {
    const files = attachments.filter((a) => a.content.length > 0);
    if (files.length < attachments.length) this.logger.warn({ channel }, 'slack: skipped empty attachments');
    if (files.length === 0) return;
    await callSlack('files.uploadV2', () =>
      this.client.filesUploadV2({
        channel_id: channel,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        file_uploads: files.map((a) => ({ file: Buffer.from(a.content), filename: a.filename, title: a.filename })),
      }),
    );
  }

  /** Reads one message back: a reply via `conversations.replies`, a root via `conversations.history`. */
  private async fetchMessage(ref: MessageRef): Promise<{ text?: string; blocks?: unknown[] } | undefined> {
    const range = { channel: ref.channelId, latest: ref.messageId, oldest: ref.messageId, inclusive: true };
    const isReply = ref.threadId !== undefined && ref.threadId !== ref.messageId;
    const res = isReply
      ? await callSlack('conversations.replies', () =>
          this.client.conversations.replies({ ...range, ts: ref.threadId ?? ref.messageId }),
        )
      : await callSlack('conversations.history', () => this.client.conversations.history(range));
    return res.messages?.find((m) => m.ts === ref.messageId);
  }
}
