import {
  blockActionsPayload,
  findElement,
  postToBot,
  slashFields,
  type DeliveryResult,
  type RawPostOptions,
} from './slack-inbound.js';
import type { SlackSocketHub } from './slack-socket.js';
import type { FakeMessage, SlackStore } from './slack-store.js';

export interface DriverOptions {
  readonly signingSecret: string;
  readonly users?: Readonly<Record<string, string>> | undefined;
  readonly defaultChannel?: string | undefined;
}

const noMessage = { blocks: [] } as unknown as FakeMessage;

/**
 * The inbound half of the fake: what Slack sends to the bot. Over HTTP (signed form posts to
 * `botUrl`) when one is set, otherwise as Socket Mode envelopes.
 */
export class SlackDriver {
  private botUrl: string | undefined;

  constructor(
    private readonly options: DriverOptions,
    private readonly store: SlackStore,
    private readonly hub: SlackSocketHub,
    private readonly baseUrl: string,
  ) {}

  setBotUrl(url: string | undefined): void {
    this.botUrl = url;
  }

  slash(user: string, command: string, text: string, opts: { channel?: string } = {}): Promise<DeliveryResult> {
    const channel = opts.channel ?? this.options.defaultChannel ?? 'C0CHAN001';
    const fields = slashFields({
      user,
      userName: this.nameOf(user),
      command,
      text,
      channel,
      triggerId: this.store.nextTs(),
      responseUrl: this.newResponseUrl({ channel, user }),
    });
    return this.deliver('slash_commands', new URLSearchParams(fields).toString(), fields);
  }

  clickButton(messageTs: string, actionId: string, value: string | undefined, user: string): Promise<DeliveryResult> {
    const element = findElement(this.store.findMessageByTs(messageTs) ?? noMessage, actionId);
    const base = element ?? {
      type: 'button',
      action_id: actionId,
      block_id: 'forged',
      text: { type: 'plain_text', text: actionId },
    };
    return this.act(messageTs, { ...base, ...(value === undefined ? {} : { value }) }, user);
  }

  select(messageTs: string, actionId: string, values: readonly string[], user: string): Promise<DeliveryResult> {
    const options = values.map((v) => ({ text: { type: 'plain_text', text: v }, value: v }));
    const multi =
      findElement(this.store.findMessageByTs(messageTs) ?? noMessage, actionId)?.['type'] === 'multi_static_select';
    const chosen = multi
      ? { type: 'multi_static_select', selected_options: options }
      : { type: 'static_select', selected_option: options[0] };
    return this.act(messageTs, { action_id: actionId, block_id: 'actions', ...chosen }, user);
  }

  sendRaw(body: string, options: RawPostOptions): Promise<DeliveryResult> {
    if (this.botUrl === undefined) throw new Error('fake slack: setBotUrl() first');
    return postToBot(this.botUrl, this.options.signingSecret, body, options);
  }

  private act(messageTs: string, action: Record<string, unknown>, user: string): Promise<DeliveryResult> {
    const message = this.store.findMessageByTs(messageTs);
    if (message === undefined) throw new Error(`fake slack: no message with ts ${messageTs}`);
    const payload = blockActionsPayload({
      user,
      userName: this.nameOf(user),
      message,
      action,
      triggerId: this.store.nextTs(),
      responseUrl: this.newResponseUrl({ channel: message.channel, user, messageTs }),
    });
    return this.deliver('interactive', new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), payload);
  }

  private deliver(type: 'slash_commands' | 'interactive', form: string, payload: unknown): Promise<DeliveryResult> {
    if (this.botUrl !== undefined) return postToBot(this.botUrl, this.options.signingSecret, form);
    return this.hub.send(type, payload);
  }

  private nameOf(user: string): string {
    return this.options.users?.[user] ?? user.toLowerCase();
  }

  private newResponseUrl(target: { channel: string; user: string; messageTs?: string }): string {
    const id = this.store.nextId('R');
    this.store.responseTargets.set(id, { ...target, uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }
}
