import { EventEmitter } from 'node:events';

/** A message as the fake Slack stores it (channel messages, thread replies, ephemerals, file shares). */
export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  text: string;
  blocks: unknown[];
  readonly user: string;
  readonly botId?: string;
  readonly fileIds: readonly string[];
  /** Set for `chat.postEphemeral` and ephemeral `response_url` answers: only this user sees it. */
  readonly ephemeralTo?: string;
  /** `chat.postMessage` `metadata` (returned by history/replies with `include_all_metadata`). */
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> };
  edits: number;
}

/** A file created by `files.getUploadURLExternal`, filled by the upload URL, shared by complete. */
export interface FakeFile {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  title?: string;
  bytes?: Buffer;
  channel?: string;
  threadTs?: string;
}

/** One HTTP request the fake received (Web API, upload URL, response_url). */
export interface RecordedRequest {
  readonly path: string;
  readonly method: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly authorization?: string;
}

/** A failure injected for the next call of one Web API method. */
export type SlackFault =
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'http'; readonly status: number };

/** A body POSTed by the bot to a `response_url`. */
export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * The fake's whole state. Every mutation calls `changed()`, which wakes `waitFor` callers, so
 * waits are event-driven instead of sleep-polling.
 */
export class SlackStore {
  readonly messages: FakeMessage[] = [];
  readonly files = new Map<string, FakeFile>();
  readonly requests: RecordedRequest[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly dmChannels = new Map<string, string>();
  /** Queued faults per Web API method, consumed one per call. */
  readonly faults = new Map<string, SlackFault[]>();
  /** When set, every `response_url` answers 404 (as after Slack's 30 minutes or 5 uses). */
  responseUrlsExpired = false;
  /** `response_url` id → who invoked, where (to place ephemeral answers) and how often it was used. */
  readonly responseTargets = new Map<string, { channel: string; user: string; messageTs?: string; uses: number }>();
  private readonly events = new EventEmitter();
  private lastMicros = 0;
  private seq = 0;

  /** A unique, strictly increasing message ts (`<seconds>.<6 digits>`). */
  nextTs(): string {
    this.lastMicros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    const s = String(this.lastMicros);
    return `${s.slice(0, -6)}.${s.slice(-6)}`;
  }

  /** A Slack-looking id with the given prefix (`F`, `D`, `E`…). */
  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}0FAKE${String(this.seq).padStart(5, '0')}`;
  }

  addMessage(message: Omit<FakeMessage, 'ts' | 'edits'> & { ts?: string }): FakeMessage {
    const stored: FakeMessage = { ...message, ts: message.ts ?? this.nextTs(), edits: 0 };
    this.messages.push(stored);
    this.changed();
    return stored;
  }

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && m.ephemeralTo === undefined);
  }

  findMessageByTs(ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.ts === ts && m.ephemeralTo === undefined);
  }

  /** Non-ephemeral messages of a channel: roots only, or one thread (root first) when `threadTs` is set. */
  messagesIn(channel: string, threadTs?: string): FakeMessage[] {
    return this.messages.filter(
      (m) =>
        m.channel === channel &&
        m.ephemeralTo === undefined &&
        (threadTs === undefined ? m.threadTs === undefined : m.ts === threadTs || m.threadTs === threadTs),
    );
  }

  takeFault(method: string): SlackFault | undefined {
    return this.faults.get(method)?.shift();
  }

  record(request: RecordedRequest): void {
    this.requests.push(request);
    this.changed();
  }

  changed(): void {
    this.events.emit('changed');
  }

  /**
   * Resolves with the predicate's first truthy value, re-checked after every state change;
   * rejects after `timeoutMs` (default 10 s) with `what` in the message.
   */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate();
        if (value === undefined || value === false || value === null) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('changed', check);
      };
      if (!check()) this.events.on('changed', check);
    });
  }
}
