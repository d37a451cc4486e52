import type { EmuUser, StoredChannel, StoredMessage } from './emulator-state.js';

/** Fixed identity of the emulated guild and bot. */
export interface EmuIdentity {
  readonly botId: string;
  readonly botName: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly baseUrl: string;
}

const everyonePermissions = '2248473465835073';

export const userObject = (id: string, username: string, bot = false) => ({
  id,
  username,
  discriminator: '0',
  global_name: bot ? null : username,
  avatar: null,
  ...(bot ? { bot: true } : {}),
  public_flags: 0,
  flags: 0,
  primary_guild: null,
});

export const botUser = (ids: EmuIdentity) => userObject(ids.botId, ids.botName, true);

export const memberObject = (user: EmuUser) => ({
  user: userObject(user.id, user.username),
  roles: [...user.roleIds],
  joined_at: '2026-01-01T00:00:00.000Z',
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  nick: null,
  avatar: null,
  permissions: everyonePermissions,
});

/**
 * Discord assigns numeric `id`s to components and fills select defaults; the response
 * schemas require both, so stored components are normalised the same way.
 */
export function normalizeComponents(raw: unknown): unknown[] {
  if (!Array.isArray(raw)) return [];
  let next = 1;
  const walk = (c: unknown): unknown => {
    if (typeof c !== 'object' || c === null) return c;
    const o = { ...(c as Record<string, unknown>) };
    o['id'] = typeof o['id'] === 'number' ? o['id'] : next++;
    if (o['type'] === 3) {
      o['min_values'] ??= 1;
      o['max_values'] ??= 1;
    }
    if (Array.isArray(o['components'])) o['components'] = o['components'].map(walk);
    return o;
  };
  return raw.map(walk);
}

export function messageObject(ids: EmuIdentity, m: StoredMessage, users: ReadonlyMap<string, EmuUser>) {
  const human = users.get(m.authorId);
  return {
    id: m.id,
    channel_id: m.channelId,
    guild_id: ids.guildId,
    type: m.type,
    content: m.content,
    author: human === undefined ? botUser(ids) : userObject(human.id, human.username),
    timestamp: m.timestamp,
    edited_timestamp: m.editedTimestamp,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: m.flags,
    embeds: [],
    components: m.components,
    attachments: m.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.bytes.length,
      content_type: a.contentType,
      url: `${ids.baseUrl}/att/${a.id}/${encodeURIComponent(a.filename)}`,
      proxy_url: `${ids.baseUrl}/att/${a.id}/${encodeURIComponent(a.filename)}`,
    })),
    ...(m.webhookId === null ? {} : { webhook_id: m.webhookId, application_id: ids.applicationId }),
  };
}

export function threadObject(ids: EmuIdentity, c: StoredChannel, messageCount: number) {
  return {
    id: c.id,
    type: c.type,
    guild_id: ids.guildId,
    parent_id: c.parentId,
    name: c.name,
    owner_id: ids.botId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: messageCount,
    member_count: 1,
    total_message_sent: messageCount,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: c.createdAt,
      locked: false,
      create_timestamp: c.createdAt,
    },
    member: { id: c.id, user_id: ids.botId, join_timestamp: c.createdAt, flags: 0 },
  };
}

export const textChannelObject = (ids: EmuIdentity, c: StoredChannel) => ({
  id: c.id,
  type: 0,
  guild_id: ids.guildId,
  name: c.name,
  position: 0,
  permission_overwrites: [],
  parent_id: null,
  nsfw: false,
  topic: null,
  last_message_id: null,
  rate_limit_per_user: 0,
  flags: 0,
});

export const dmChannelObject = (c: StoredChannel, recipient: EmuUser) => ({
  id: c.id,
  type: 1,
  last_message_id: null,
  flags: 0,
  recipients: [userObject(recipient.id, recipient.username)],
});

export const readyPayload = (ids: EmuIdentity, sessionId: string) => ({
  v: 10,
  user: botUser(ids),
  guilds: [{ id: ids.guildId, unavailable: true }],
  session_id: sessionId,
  resume_gateway_url: `${ids.baseUrl.replace(/^http/, 'ws')}/gateway`,
  shard: [0, 1],
  application: { id: ids.applicationId, flags: 0 },
});

export const roleObject = (id: string, name: string) => ({
  id,
  name,
  permissions: everyonePermissions,
  position: 0,
  color: 0,
  hoist: false,
  managed: false,
  mentionable: false,
  flags: 0,
});

export const guildCreatePayload = (
  ids: EmuIdentity,
  channels: readonly StoredChannel[],
  roleIds: readonly string[],
) => ({
  id: ids.guildId,
  name: 'Fake Guild',
  icon: null,
  owner_id: ids.botId,
  unavailable: false,
  features: [],
  member_count: 1,
  large: false,
  joined_at: '2026-01-01T00:00:00.000Z',
  roles: [roleObject(ids.guildId, '@everyone'), ...roleIds.map((id) => roleObject(id, `role-${id}`))],
  channels: channels.filter((c) => c.type === 0).map((c) => textChannelObject(ids, c)),
  threads: channels.filter((c) => c.type === 11 || c.type === 12).map((c) => threadObject(ids, c, 0)),
  members: [
    { user: botUser(ids), roles: [], joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
  ],
  voice_states: [],
  presences: [],
  emojis: [],
  stickers: [],
  stage_instances: [],
  guild_scheduled_events: [],
  soundboard_sounds: [],
});
