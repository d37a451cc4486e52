import type {
  AuthTestResponse,
  ChatPostEphemeralResponse,
  ChatPostMessageResponse,
  ChatUpdateResponse,
} from '@slack/web-api';
import { stringArg } from './slack-parse.js';
import {
  channelPattern,
  contentOf,
  fail,
  fakeIds,
  messageJson,
  metadataOf,
  type WebApiMethod,
} from './slack-web-common.js';
import { conversationMethods, fileMethods } from './slack-web-files.js';

const authTest: WebApiMethod = (): AuthTestResponse => ({
  ok: true,
  url: 'https://fake.slack.com/',
  team: 'Fake',
  user: 'opsbot',
  team_id: fakeIds.teamId,
  user_id: fakeIds.botUserId,
  bot_id: fakeIds.botId,
  is_enterprise_install: false,
});

const postMessage: WebApiMethod = (args, { store }): ChatPostMessageResponse => {
  const channel = stringArg(args['channel']) ?? '';
  if (!channelPattern.test(channel)) return fail('channel_not_found');
  const threadTs = stringArg(args['thread_ts']);
  if (threadTs !== undefined && store.findMessage(channel, threadTs) === undefined) return fail('thread_not_found');
  const content = contentOf(args);
  if (typeof content === 'string') return fail(content);
  const metadata = metadataOf(args['metadata']);
  if (metadata === 'invalid') return fail('invalid_metadata_format');
  const m = store.addMessage({
    channel,
    ...content,
    ...(metadata === undefined ? {} : { metadata }),
    user: fakeIds.botUserId,
    botId: fakeIds.botId,
    fileIds: [],
    ...(threadTs === undefined ? {} : { threadTs }),
  });
  return { ok: true, channel, ts: m.ts, message: messageJson(m) as ChatPostMessageResponse['message'] & object };
};

const update: WebApiMethod = (args, { store }): ChatUpdateResponse => {
  const channel = stringArg(args['channel']) ?? '';
  const m = store.findMessage(channel, stringArg(args['ts']) ?? '');
  if (m === undefined) return fail('message_not_found');
  if (m.botId === undefined) return fail('cant_update_message');
  const content = contentOf(args);
  if (typeof content === 'string') return fail(content);
  m.text = content.text;
  m.blocks = content.blocks;
  m.edits += 1;
  store.changed();
  return {
    ok: true,
    channel,
    ts: m.ts,
    text: m.text,
    message: messageJson(m) as ChatUpdateResponse['message'] & object,
  };
};

const postEphemeral: WebApiMethod = (args, { store }): ChatPostEphemeralResponse => {
  const channel = stringArg(args['channel']) ?? '';
  const user = stringArg(args['user']);
  if (!channelPattern.test(channel)) return fail('channel_not_found');
  if (user === undefined) return fail('user_not_found');
  const content = contentOf(args);
  if (typeof content === 'string') return fail(content);
  const m = store.addMessage({
    channel,
    ...content,
    user: fakeIds.botUserId,
    botId: fakeIds.botId,
    fileIds: [],
    ephemeralTo: user,
  });
  return { ok: true, message_ts: m.ts };
};

/** Every Web API method the fake implements, by Slack method name. */
export const webApiMethods: Readonly<Record<string, WebApiMethod>> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  ...conversationMethods,
  ...fileMethods,
};
