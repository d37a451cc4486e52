import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackDriver } from './slack-driver.js';
import type { DeliveryResult, RawPostOptions } from './slack-inbound.js';
import { handleRequest } from './slack-server.js';
import { SlackSocketHub } from './slack-socket.js';
import { SlackStore, type FakeFile, type FakeMessage, type SlackFault } from './slack-store.js';

export interface SlackEmulatorOptions {
  readonly signingSecret: string;
  readonly botToken: string;
  /** Enables `apps.connections.open` (Socket Mode) for this `xapp-` token. */
  readonly appToken?: string;
  /** Display names by user id, used as `user_name`; defaults to the id lowercased. */
  readonly users?: Readonly<Record<string, string>>;
  /** Channel a slash command comes from when the caller does not say; default `C0CHAN001`. */
  readonly defaultChannel?: string;
  /** Fixed port (tests that start Slack late, or stop and restart it where the bot expects it); default any free one. */
  readonly port?: number;
}

/** The running fake plus its control and assertion API (design/emulators.md §B, §D). */
export interface SlackEmulator {
  /** `http://127.0.0.1:P` */
  readonly url: string;
  /** Give this to `WebClient`/`App` as `slackApiUrl`. */
  readonly apiUrl: string;
  readonly store: SlackStore;
  /** Where HTTP-mode deliveries go (`http://127.0.0.1:B/slack/events`); unset → Socket Mode. */
  setBotUrl(url: string | undefined): void;
  readonly socketConnected: boolean;
  /** Socket Mode connections open now (Slack allows an app up to 10). */
  readonly openSockets: number;
  /** Socket Mode connections accepted so far (grows on reconnect). */
  readonly socketConnections: number;
  /** Sends `{type:"disconnect",reason:"refresh_requested"}`; the client reconnects. */
  requestSocketRefresh(): void;
  /**
   * Drops every Socket Mode connection without a `disconnect` message (a Slack host going away, a
   * network cut): the client notices the close and reconnects through `apps.connections.open`.
   */
  dropSockets(): void;
  slash(user: string, command: string, text: string, options?: { channel?: string }): Promise<DeliveryResult>;
  /** Clicks `actionId` on the message with `messageTs`; an id not on the message is sent anyway (forgery). */
  clickButton(messageTs: string, actionId: string, value: string | undefined, user: string): Promise<DeliveryResult>;
  select(messageTs: string, actionId: string, values: readonly string[], user: string): Promise<DeliveryResult>;
  /** Sends `body` with a given (bad) signature, for the 401 tests. */
  sendWithSignature(body: string, signature: string, options?: RawPostOptions): Promise<DeliveryResult>;
  /** Sends `body` correctly signed with the options' timestamp / content type. */
  sendSigned(body: string, options: RawPostOptions): Promise<DeliveryResult>;
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs?: number, what?: string): Promise<T>;
  messagesIn(channel: string, threadTs?: string): FakeMessage[];
  ephemeralsFor(user: string): FakeMessage[];
  filesIn(channel: string, threadTs?: string): FakeFile[];
  /** Makes the next call of `method` (e.g. `chat.postMessage`) fail with `fault`; queues up. */
  failNext(method: string, fault: SlackFault): void;
  /** While on, every `response_url` answers 404, as after Slack's 30 minutes. */
  setResponseUrlsExpired(expired: boolean): void;
  /** The DM channel `conversations.open` gave out for `user`, if any. */
  dmChannelOf(user: string): string | undefined;
  close(): Promise<void>;
}

/** Starts the fake Slack on 127.0.0.1 (`options.port`, else a free port). */
export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const store = new SlackStore();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const hub = new SlackSocketHub(`ws://127.0.0.1:${port}`, () => {
    store.changed();
  });
  hub.attach(server);
  const ctx = {
    store,
    baseUrl: url,
    botToken: options.botToken,
    socketUrl: () => hub.nextUrl(),
    ...(options.appToken === undefined ? {} : { appToken: options.appToken }),
  };
  server.on('request', (req, res) => {
    handleRequest(req, res, ctx).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  return buildControl({ options, store, hub, url, close: () => closeServer(server, hub) });
}

async function closeServer(server: ReturnType<typeof createServer>, hub: SlackSocketHub): Promise<void> {
  hub.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
}

interface Parts {
  readonly options: SlackEmulatorOptions;
  readonly store: SlackStore;
  readonly hub: SlackSocketHub;
  readonly url: string;
  readonly close: () => Promise<void>;
}

function buildControl({ options, store, hub, url, close }: Parts): SlackEmulator {
  const driver = new SlackDriver(options, store, hub, url);
  return {
    url,
    apiUrl: `${url}/api/`,
    store,
    setBotUrl: (next) => {
      driver.setBotUrl(next);
    },
    get socketConnected() {
      return hub.connected;
    },
    get openSockets() {
      return hub.openCount;
    },
    get socketConnections() {
      return hub.connections;
    },
    requestSocketRefresh: () => {
      hub.requestRefresh();
    },
    dropSockets: () => {
      hub.dropAll();
    },
    slash: (user, command, text, opts) => driver.slash(user, command, text, opts),
    clickButton: (messageTs, actionId, value, user) => driver.clickButton(messageTs, actionId, value, user),
    select: (messageTs, actionId, values, user) => driver.select(messageTs, actionId, values, user),
    sendWithSignature: (body, signature, opts = {}) => driver.sendRaw(body, { ...opts, signature }),
    sendSigned: (body, opts) => driver.sendRaw(body, opts),
    waitFor: (predicate, timeoutMs, what) => store.waitFor(predicate, timeoutMs, what),
    messagesIn: (channel, threadTs) => store.messagesIn(channel, threadTs),
    ephemeralsFor: (user) => store.messages.filter((m) => m.ephemeralTo === user),
    filesIn: (channel, threadTs) =>
      [...store.files.values()].filter((f) => f.channel === channel && f.threadTs === threadTs),
    dmChannelOf: (user) => store.dmChannels.get(user),
    setResponseUrlsExpired: (expired) => {
      store.responseUrlsExpired = expired;
    },
    failNext: (method, fault) => {
      store.faults.set(method, [...(store.faults.get(method) ?? []), fault]);
    },
    close,
  };
}
