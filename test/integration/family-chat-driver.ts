import type { DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import type { SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import type { FakeMessage } from '../../lab/emulators/slack/slack-store.js';

/** One message as the family tests look at it, the same on Discord and Slack. */
export interface ChatMessage {
  /** Discord message id / Slack ts. */
  readonly id: string;
  readonly text: string;
  readonly buttons: readonly { readonly label: string; readonly id: string }[];
  readonly select?: { readonly id: string; readonly values: readonly string[] };
  /** Shown only to the clicking user (Discord ephemeral, Slack ephemeral / response_url). */
  readonly private: boolean;
}

export type OptionValue = string | number | boolean;

/** The platform as a family member or the operator sees it: slash commands, clicks, menus, DMs. */
export interface FamilyChatDriver {
  readonly platform: 'discord' | 'slack';
  /** `/name` with options (Discord typed options; Slack `key:"value"` text, bare booleans). */
  slash(user: string, name: string, options: Readonly<Record<string, OptionValue>>): Promise<void>;
  /** Every message in channels and threads (not DMs). */
  messages(): ChatMessage[];
  /** The private answers (refusals) the user got. */
  privateFor(user: string): string[];
  click(message: ChatMessage, label: string, user: string): Promise<void>;
  /** A second click on a button the client still shows (Discord: a stale client). */
  clickAgain(message: ChatMessage, buttonId: string, user: string): Promise<void>;
  select(message: ChatMessage, value: string, user: string): Promise<void>;
  dms(user: string): string[];
  waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs?: number): Promise<T>;
}

interface DiscordComponent {
  readonly type: number;
  readonly custom_id?: string;
  readonly label?: string;
  readonly options?: { value: string }[];
}

function fromDiscord(m: StoredMessage): ChatMessage {
  const parts = (m.components as { components?: DiscordComponent[] }[]).flatMap((row) => row.components ?? []);
  const select = parts.find((c) => c.type === 3);
  return {
    id: m.id,
    text: `${m.content}\n${JSON.stringify(m.components)}`,
    buttons: parts.filter((c) => c.type === 2).map((c) => ({ label: c.label ?? '', id: c.custom_id ?? '' })),
    ...(select === undefined
      ? {}
      : { select: { id: select.custom_id ?? '', values: (select.options ?? []).map((o) => o.value) } }),
    private: (m.flags & 64) !== 0,
  };
}

export function discordDriver(emu: DiscordEmulator): FamilyChatDriver {
  const dmChannels = () => new Set([...emu.state.channels.values()].filter((c) => c.type === 1).map((c) => c.id));
  return {
    platform: 'discord',
    slash: async (user, name, options) => {
      await emu.slash(user, name, options);
    },
    messages: () => {
      const dms = dmChannels();
      return [...emu.state.messages.values()].filter((m) => !dms.has(m.channelId)).map(fromDiscord);
    },
    privateFor: () => [...emu.state.messages.values()].filter((m) => (m.flags & 64) !== 0).map((m) => m.content),
    click: async (message, label, user) => {
      const button = message.buttons.find((b) => b.label === label);
      if (button === undefined) throw new Error(`no button ${label} on ${message.text}`);
      await emu.click(message.id, button.id, user);
    },
    clickAgain: async (message, buttonId, user) => {
      await emu.click(message.id, buttonId, user, { stale: true });
    },
    select: async (message, value, user) => {
      if (message.select === undefined) throw new Error(`no menu on ${message.text}`);
      await emu.select(message.id, message.select.id, [value], user);
    },
    dms: (user) => {
      const dm = [...emu.state.channels.values()].find((c) => c.type === 1 && c.recipientId === user);
      return dm === undefined ? [] : emu.messagesIn(dm.id).map((m) => m.content);
    },
    waitFor: (probe, what, timeoutMs = 30_000) => emu.waitFor(probe, what, timeoutMs),
  };
}

interface SlackElement {
  readonly type: string;
  readonly action_id: string;
  readonly text?: { text: string };
  readonly options?: { value: string }[];
}

function fromSlack(m: FakeMessage): ChatMessage {
  const elements = m.blocks.flatMap((b) =>
    (b as { type: string }).type === 'actions' ? (b as { elements: SlackElement[] }).elements : [],
  );
  const select = elements.find((e) => e.type.endsWith('static_select'));
  return {
    id: m.ts,
    text: `${m.text}\n${JSON.stringify(m.blocks)}`,
    buttons: elements.filter((e) => e.type === 'button').map((e) => ({ label: e.text?.text ?? '', id: e.action_id })),
    ...(select === undefined
      ? {}
      : { select: { id: select.action_id, values: (select.options ?? []).map((o) => o.value) } }),
    private: m.ephemeralTo !== undefined,
  };
}

/** `key:"value"` text for a Slack slash command; `true` booleans as their bare name. */
const slackText = (options: Readonly<Record<string, OptionValue>>): string =>
  Object.entries(options)
    .map(([k, v]) => (v === true ? k : typeof v === 'string' ? `${k}:"${v}"` : `${k}:${String(v)}`))
    .join(' ');

export function slackDriver(emu: SlackEmulator, channel: string): FamilyChatDriver {
  return {
    platform: 'slack',
    slash: async (user, name, options) => {
      const [command = '', ...sub] = name.split(' ');
      const text = [...sub, slackText(options)].filter((s) => s !== '').join(' ');
      const ack = await emu.slash(user, `/${command}`, text, { channel });
      if (ack.timedOut) throw new Error(`/${name} not acknowledged`);
    },
    messages: () =>
      emu.store.messages
        .filter((m) => m.ephemeralTo === undefined && ![...emu.store.dmChannels.values()].includes(m.channel))
        .map(fromSlack),
    privateFor: (user) => emu.ephemeralsFor(user).map((m) => m.text),
    click: async (message, label, user) => {
      const button = message.buttons.find((b) => b.label === label);
      if (button === undefined) throw new Error(`no button ${label} on ${message.text}`);
      await emu.clickButton(message.id, button.id, undefined, user);
    },
    clickAgain: async (message, buttonId, user) => {
      await emu.clickButton(message.id, buttonId, undefined, user);
    },
    select: async (message, value, user) => {
      if (message.select === undefined) throw new Error(`no menu on ${message.text}`);
      await emu.select(message.id, message.select.id, [value], user);
    },
    dms: (user) => {
      const dm = emu.dmChannelOf(user);
      return dm === undefined ? [] : emu.messagesIn(dm).map((m) => m.text);
    },
    waitFor: (probe, what, timeoutMs = 30_000) => emu.waitFor(probe, timeoutMs, what),
  };
}
