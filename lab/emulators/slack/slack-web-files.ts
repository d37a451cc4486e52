import type {
  ConversationsHistoryResponse,
  ConversationsOpenResponse,
  ConversationsRepliesResponse,
  FilesCompleteUploadExternalResponse,
  FilesGetUploadURLExternalResponse,
} from '@slack/web-api';
import { jsonArg, stringArg, type ParsedBody } from './slack-parse.js';
import type { FakeMessage, SlackStore } from './slack-store.js';
import { fail, fakeIds, messageJson, type WebApiMethod } from './slack-web-common.js';

type HistoryMessages = NonNullable<ConversationsHistoryResponse['messages']>;

const open: WebApiMethod = (args, { store }): ConversationsOpenResponse => {
  const user = stringArg(args['users'])?.split(',')[0];
  if (user === undefined) return fail('users_list_not_supplied');
  let id = store.dmChannels.get(user);
  if (id === undefined) {
    id = store.nextId('D');
    store.dmChannels.set(user, id);
    store.changed();
  }
  return { ok: true, channel: { id } };
};

/** Messages with `oldest ≤ ts ≤ latest` (both inclusive when `inclusive` is set), newest first. */
function inRange(messages: FakeMessage[], args: Record<string, unknown>): HistoryMessages {
  const oldest = Number(stringArg(args['oldest']) ?? '0');
  const latest = Number(stringArg(args['latest']) ?? 'Infinity');
  const inclusive = args['inclusive'] === true || args['inclusive'] === 'true';
  const limit = Number(stringArg(args['limit']) ?? '100');
  const withMetadata = args['include_all_metadata'] === true || args['include_all_metadata'] === 'true';
  return messages
    .filter((m) =>
      inclusive ? Number(m.ts) >= oldest && Number(m.ts) <= latest : Number(m.ts) > oldest && Number(m.ts) < latest,
    )
    .sort((a, b) => Number(b.ts) - Number(a.ts))
    .slice(0, limit)
    .map(
      (m) =>
        ({
          ...messageJson(m),
          ...(withMetadata && m.metadata !== undefined ? { metadata: m.metadata } : {}),
        }) as HistoryMessages[number],
    );
}

const history: WebApiMethod = (args, { store }): ConversationsHistoryResponse => ({
  ok: true,
  has_more: false,
  messages: inRange(store.messagesIn(stringArg(args['channel']) ?? ''), args),
});

const replies: WebApiMethod = (args, { store }): ConversationsRepliesResponse => {
  const channel = stringArg(args['channel']) ?? '';
  const ts = stringArg(args['ts']) ?? '';
  const root = store.findMessage(channel, ts);
  if (root === undefined) return fail('thread_not_found');
  const thread = store.messagesIn(channel, root.threadTs ?? root.ts);
  return { ok: true, has_more: false, messages: inRange(thread, args) };
};

const getUploadUrl: WebApiMethod = (args, { store, baseUrl }): FilesGetUploadURLExternalResponse => {
  const filename = stringArg(args['filename']);
  const length = Number(args['length']);
  if (filename === undefined) return fail('invalid_arguments');
  if (!Number.isInteger(length) || length < 1) return fail('invalid_length');
  const id = store.nextId('F');
  store.files.set(id, { id, filename, length });
  return { ok: true, file_id: id, upload_url: `${baseUrl}/upload/v1/${id}` };
};

const completeUpload: WebApiMethod = (args, { store }): FilesCompleteUploadExternalResponse => {
  const list = jsonArg<{ id: string; title?: string }[]>(args['files'], []);
  const channel = stringArg(args['channel_id']);
  const threadTs = stringArg(args['thread_ts']);
  const files = list.map((f) => store.files.get(f.id));
  if (list.length === 0 || files.some((f) => f?.bytes === undefined)) return fail('file_not_found');
  if (channel !== undefined && threadTs !== undefined && store.findMessage(channel, threadTs) === undefined)
    return fail('thread_not_found');
  for (const [i, f] of files.entries()) {
    if (f === undefined) continue;
    f.title = list[i]?.title ?? f.filename;
    if (channel !== undefined) f.channel = channel;
    if (threadTs !== undefined) f.threadTs = threadTs;
  }
  if (channel !== undefined) {
    store.addMessage({
      channel,
      text: stringArg(args['initial_comment']) ?? '',
      blocks: [],
      user: fakeIds.botUserId,
      botId: fakeIds.botId,
      fileIds: list.map((f) => f.id),
      ...(threadTs === undefined ? {} : { threadTs }),
    });
  }
  return { ok: true, files: list.map((f) => ({ id: f.id, title: store.files.get(f.id)?.title ?? '' })) };
};

/** `POST <upload_url>`: one multipart part named `body` holding exactly `length` bytes. */
export function receiveUpload(store: SlackStore, fileId: string, body: ParsedBody): { status: number; text: string } {
  const file = store.files.get(fileId);
  const part = body.files.find((f) => f.field === 'body');
  const bytes = part?.bytes ?? (body.files.length === 0 && body.raw.length > 0 ? body.raw : undefined);
  if (file === undefined || bytes === undefined) return { status: 404, text: 'not found' };
  if (bytes.length !== file.length) return { status: 400, text: `length mismatch: ${bytes.length} != ${file.length}` };
  file.bytes = bytes;
  store.changed();
  return { status: 200, text: `OK - ${bytes.length}` };
}

export const conversationMethods: Readonly<Record<string, WebApiMethod>> = {
  'conversations.open': open,
  'conversations.history': history,
  'conversations.replies': replies,
};

export const fileMethods: Readonly<Record<string, WebApiMethod>> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
