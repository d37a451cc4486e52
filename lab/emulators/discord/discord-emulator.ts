import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createEmulatorServer } from './emulator-server.js';
import {
  createState,
  type AckFault,
  type EmuUser,
  type EmulatorState,
  type RecordedCallback,
  type StoredMessage,
} from './emulator-state.js';
import { startGateway, type Gateway } from './gateway.js';
import { componentPayload, findComponent, slashPayload, type OptionValue } from './interaction-payloads.js';
import { createMessage, messagesIn } from './message-store.js';
import { roleObject, type EmuIdentity } from './payloads.js';
import { waitUntil } from './wait-until.js';

/** Where an interaction comes from, when not the configured guild and channel. */
export interface Where {
  readonly guildId?: string;
  readonly channelId?: string;
  /**
   * Deliver to this identified gateway session only (0 = the oldest), as when the other bots'
   * sessions are reconnecting; default every session, as Discord does within a shard.
   */
  readonly session?: number;
}

export interface DiscordEmulatorOptions {
  readonly token?: string;
  readonly users?: readonly EmuUser[];
  /** Fixed port (tests that stop and restart the emulator where the bot expects it); default any free one. */
  readonly port?: number;
  /** How long an interaction token works on the webhook routes; default Discord's 15 minutes. */
  readonly interactionTokenTtlMs?: number;
}

/** Discord: "Interaction tokens are valid for 15 minutes". */
const defaultTokenTtlMs = 15 * 60_000;

/** What a slash/click/select resolves with: the interaction's acknowledgement. */
export interface InteractionOutcome {
  readonly interactionId: string;
  readonly token: string;
  readonly callback: RecordedCallback;
  /** Milliseconds from INTERACTION_CREATE sent to the callback received. */
  readonly ackMs: number;
}

/**
 * A stateful Discord fake (REST under `/api/v10` + gateway on `ws://…/gateway`) on 127.0.0.1.
 * Point discord.js at it with `rest: { api: emulator.apiUrl }`. See emulators.md §A.
 */
export class DiscordEmulator {
  readonly state: EmulatorState = createState();
  readonly token: string;
  private identity: EmuIdentity;
  private gateway: Gateway | undefined;
  private readonly server: Server;
  private readonly port: number;
  private readonly tokenTtlMs: number;

  constructor(options: DiscordEmulatorOptions = {}) {
    this.port = options.port ?? 0;
    this.tokenTtlMs = options.interactionTokenTtlMs ?? defaultTokenTtlMs;
    this.token = options.token ?? `emu.${randomBytes(12).toString('hex')}`;
    const id = this.state.nextId;
    this.identity = {
      botId: id(),
      botName: 'opsbot',
      applicationId: id(),
      guildId: id(),
      channelId: id(),
      baseUrl: '',
    };
    this.state.channels.set(this.identity.channelId, {
      id: this.identity.channelId,
      type: 0,
      name: 'ops',
      parentId: null,
      recipientId: null,
      createdAt: new Date().toISOString(),
    });
    for (const u of options.users ?? []) this.state.users.set(u.id, u);
    this.server = createEmulatorServer({
      state: this.state,
      ids: () => this.identity,
      token: this.token,
      dispatch: (e, d) => {
        this.gateway?.dispatch(e, d);
      },
    });
  }

  get ids(): EmuIdentity {
    return this.identity;
  }
  /** REST base for discord.js (`rest: { api }`): `http://127.0.0.1:P/api`. */
  get apiUrl(): string {
    return `${this.identity.baseUrl}/api`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      // A fixed port may be taken: fail instead of waiting forever.
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.identity = { ...this.identity, baseUrl: `http://127.0.0.1:${port}` };
    this.gateway = startGateway(this.server, this.state, this.identity, this.token);
    return this;
  }

  /** Adds a guild member (ids and role ids are what the bot authorises on). */
  defineUser(user: EmuUser): EmuUser {
    const known = new Set([...this.state.users.values()].flatMap((u) => u.roleIds));
    this.state.users.set(user.id, user);
    for (const id of user.roleIds.filter((r) => !known.has(r))) {
      this.gateway?.dispatch('GUILD_ROLE_CREATE', {
        guild_id: this.identity.guildId,
        role: roleObject(id, `role-${id}`),
      });
    }
    return user;
  }

  /**
   * Sends a slash command (`drift audit`, options) and resolves with its acknowledgement.
   * `at.guildId` sends it as if from another guild (the bot must refuse it).
   */
  async slash(
    userId: string,
    name: string,
    options: Readonly<Record<string, OptionValue>> = {},
    at: Where = {},
  ): Promise<InteractionOutcome> {
    const base = this.interactionBase(userId, at.channelId ?? this.identity.channelId, 2, null);
    const top = name.trim().split(/\s+/)[0] ?? '';
    const cmd = this.state.commands.get(this.identity.guildId)?.get(top) ?? this.state.commands.get('global')?.get(top);
    const commandId = typeof cmd?.['id'] === 'string' ? cmd['id'] : this.state.nextId();
    return this.send(base, slashPayload(this.at(at), base, commandId, name, options), at.session);
  }

  /**
   * Clicks a button on a stored message; refuses disabled or missing buttons like the client
   * does. `how.guildId` / `how.channelId` send the click as if from another guild or channel
   * (a forged click with a real custom id).
   */
  click(
    messageId: string,
    customId: string,
    userId: string,
    how: { stale?: boolean } & Where = {},
  ): Promise<InteractionOutcome> {
    return this.component(messageId, customId, userId, undefined, how.stale === true, how);
  }

  /** A second text channel in the guild (for clicks and commands from a channel that is not configured). */
  addChannel(name: string): string {
    const id = this.state.nextId();
    this.state.channels.set(id, {
      id,
      type: 0,
      name,
      parentId: null,
      recipientId: null,
      createdAt: new Date().toISOString(),
    });
    return id;
  }

  /** A message by a user (not the bot) carrying `components`: e.g. a copy of a real button on another message. */
  postAs(userId: string, channelId: string, content: string, components: unknown[]): StoredMessage {
    return createMessage(this.state, { channelId, authorId: userId }, { content, components }, []);
  }

  /**
   * The next `count` interaction callbacks fail: `reset` (socket destroyed before the ack
   * counts), `reset-after` (the ack counts, the answer is lost), `silent` (never answered),
   * `late` (answered after `delayMs`), `500`.
   */
  failAcks(kind: AckFault['kind'], count = 1, delayMs?: number): void {
    this.state.ackFaults.push({ kind, remaining: count, ...(delayMs === undefined ? {} : { delayMs }) });
  }

  /** Every interaction token given out so far stops working, as 15 minutes after its interaction. */
  expireInteractionTokens(): void {
    for (const i of this.state.interactions.values()) i.tokenExpiresAt = 0;
  }

  /** The response to an interaction (`@original`: the deferred or immediate reply), if one was created. */
  originalResponse(interactionId: string): StoredMessage | undefined {
    const id = this.state.interactions.get(interactionId)?.originalMessageId;
    return id == null ? undefined : this.state.messages.get(id);
  }

  /** Everything the bot's messages would have pinged (must stay empty: the bot never pings by accident). */
  pings(): string[] {
    return this.state.mentions.flatMap((m) => m.pings);
  }
  /** Requests that sent content without `allowed_mentions` (Discord then parses every mention). */
  withoutAllowedMentions(): string[] {
    return this.state.mentions.filter((m) => m.missingAllowedMentions).map((m) => m.request);
  }

  private at(where: Where): EmuIdentity {
    return where.guildId === undefined ? this.identity : { ...this.identity, guildId: where.guildId };
  }

  /** Chooses values in a string select on a stored message. */
  select(messageId: string, customId: string, values: readonly string[], userId: string): Promise<InteractionOutcome> {
    return this.component(messageId, customId, userId, values, false);
  }

  /** Messages of a channel or thread, oldest first. */
  messagesIn(channelOrThreadId: string): StoredMessage[] {
    return messagesIn(this.state, channelOrThreadId);
  }

  /** The bytes of an attachment as the bot uploaded them (also served at its `url`). */
  attachmentContent(attachmentId: string): Buffer {
    const a = this.state.attachments.get(attachmentId);
    if (a === undefined) throw new Error(`no attachment ${attachmentId}`);
    return a.bytes;
  }

  /** Resolves with the first truthy value of `probe`, re-checked on every emulator event. */
  waitFor<T>(probe: () => T | undefined | null | false, what = 'condition', timeoutMs = 10_000): Promise<T> {
    return waitUntil(this.state.events, probe, what, timeoutMs);
  }

  /** The next `count` REST requests matching `match` get 429 (Retry-After 0.2 s) or the given 5xx. */
  failNext(
    count: number,
    status = 429,
    match: (method: string, path: string) => boolean = (_m, p) => p !== '/gateway/bot',
  ): void {
    this.state.faults.push({ status, remaining: count, match });
  }

  /** Number of identified gateway connections. */
  connected(): number {
    return this.gateway?.connectedCount() ?? 0;
  }
  closeGateway(code: number): void {
    this.gateway?.closeAll(code);
  }

  async stop(): Promise<void> {
    await this.gateway?.shutdown();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private interactionBase(userId: string, channelId: string, type: 2 | 3, componentMessageId: string | null) {
    const user = this.state.users.get(userId);
    const channel = this.state.channels.get(channelId);
    if (user === undefined) throw new Error(`unknown emulator user ${userId}; defineUser first`);
    if (channel === undefined) throw new Error(`unknown channel ${channelId}`);
    const i = {
      id: this.state.nextId(),
      token: `itk.${randomBytes(16).toString('hex')}`,
      type,
      channelId,
      userId: user.id,
      componentMessageId,
      sentAt: 0,
      tokenExpiresAt: Date.now() + this.tokenTtlMs,
      callback: null,
      originalMessageId: null,
    };
    this.state.interactions.set(i.id, i);
    return { id: i.id, token: i.token, user, channel };
  }

  /** `stale`: a client that still shows the button enabled (the disabling edit not yet seen). */
  private async component(
    messageId: string,
    customId: string,
    userId: string,
    values: readonly string[] | undefined,
    stale: boolean,
    where: Where = {},
  ): Promise<InteractionOutcome> {
    const message = this.state.messages.get(messageId);
    if (message === undefined) throw new Error(`unknown message ${messageId}`);
    const c = findComponent(message.components, customId);
    if (c === undefined) throw new Error(`message ${messageId} has no component ${customId}`);
    if (c['disabled'] === true && !stale) throw new Error(`component ${customId} is disabled`);
    const base = this.interactionBase(userId, where.channelId ?? message.channelId, 3, messageId);
    return await this.send(base, componentPayload(this.at(where), base, message, this.state.users, customId, values));
  }

  private async send(
    base: { id: string; token: string },
    payload: unknown,
    session?: number,
  ): Promise<InteractionOutcome> {
    const stored = this.state.interactions.get(base.id);
    if (stored === undefined || this.gateway === undefined) throw new Error('emulator not started');
    const sentAt = performance.now();
    Object.assign(stored, { sentAt });
    if (this.gateway.dispatch('INTERACTION_CREATE', payload, session) === 0)
      throw new Error('no identified gateway connection');
    const callback = await this.waitFor(() => stored.callback, `callback for interaction ${base.id}`, 3_000);
    return { interactionId: base.id, token: base.token, callback, ackMs: callback.at - sentAt };
  }
}

/** Starts an emulator on 127.0.0.1:0. */
export const startDiscordEmulator = (options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> =>
  new DiscordEmulator(options).start();
