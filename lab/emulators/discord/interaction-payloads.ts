import type { EmuUser, StoredChannel, StoredMessage } from './emulator-state.js';
import { memberObject, messageObject, type EmuIdentity } from './payloads.js';

export type OptionValue = string | number | boolean;

export interface InteractionBase {
  readonly id: string;
  readonly token: string;
  readonly user: EmuUser;
  readonly channel: StoredChannel;
}

const optionType = (v: OptionValue): number => {
  if (typeof v === 'boolean') return 5;
  if (typeof v === 'number') return Number.isInteger(v) ? 4 : 10;
  return 3;
};

/** Fields every interaction needs; discord.js crashes without `entitlements` (emulators.md §A.4). */
function common(ids: EmuIdentity, base: InteractionBase, type: number) {
  const c = base.channel;
  return {
    id: base.id,
    application_id: ids.applicationId,
    type,
    token: base.token,
    version: 1,
    guild_id: ids.guildId,
    channel_id: c.id,
    channel: {
      id: c.id,
      type: c.type,
      guild_id: ids.guildId,
      name: c.name,
      ...(c.parentId === null ? {} : { parent_id: c.parentId }),
    },
    member: memberObject(base.user),
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': ids.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/**
 * APPLICATION_COMMAND (type 2). `name` may hold a sub-command: `drift audit`, or a group:
 * `media queue list`. Option values become typed options under the innermost level.
 */
export function slashPayload(
  ids: EmuIdentity,
  base: InteractionBase,
  commandId: string,
  name: string,
  options: Readonly<Record<string, OptionValue>>,
) {
  const [top = '', ...rest] = name.trim().split(/\s+/);
  let inner: unknown[] = Object.entries(options).map(([k, v]) => ({ type: optionType(v), name: k, value: v }));
  const sub = rest.pop();
  if (sub !== undefined) inner = [{ type: 1, name: sub, options: inner }];
  const group = rest.pop();
  if (group !== undefined) inner = [{ type: 2, name: group, options: inner }];
  return {
    ...common(ids, base, 2),
    data: { id: commandId, name: top, type: 1, guild_id: ids.guildId, ...(inner.length > 0 ? { options: inner } : {}) },
  };
}

/** MESSAGE_COMPONENT (type 3): a button (2) or string select (3) click on a stored message. */
export function componentPayload(
  ids: EmuIdentity,
  base: InteractionBase,
  message: StoredMessage,
  users: ReadonlyMap<string, EmuUser>,
  customId: string,
  values: readonly string[] | undefined,
) {
  const data =
    values === undefined
      ? { custom_id: customId, component_type: 2 }
      : { custom_id: customId, component_type: 3, values: [...values] };
  return { ...common(ids, base, 3), message: messageObject(ids, message, users), data };
}

/** Finds a component by custom id in stored (normalised) components. */
export function findComponent(components: readonly unknown[], customId: string): Record<string, unknown> | undefined {
  for (const c of components) {
    const o = c as Record<string, unknown>;
    if (o['custom_id'] === customId) return o;
    const found = Array.isArray(o['components']) ? findComponent(o['components'], customId) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}
