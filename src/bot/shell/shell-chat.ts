import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatUser, MessageRef, OutgoingMessage, ThreadRef } from '../../chat/chat-port.js';
import type { ChatAdapter, InboundHandler, Responder } from '../inbound.js';
import { formatShellMessage, placeLabel } from './shell-format.js';
import { readShellLine } from './shell-line.js';

export interface ShellChatOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** The local person typing (default: shell user `local`, listed as an operator by run-shell). */
  readonly user?: ChatUser;
  readonly channelId?: string;
  /** Whether `/command` takes a sub-command word. */
  readonly hasSubcommands?: (command: string) => boolean;
  readonly helpText?: string;
  /** `help <command>`: that command's usage and options. */
  readonly commandHelp?: (topic: string) => string;
  /** The commands' names, to suggest `/ping` for `ping` or `pnig`. */
  readonly commandNames?: readonly string[];
  /** Line editing and REPL-like Ctrl-C (default: when `input` is a TTY). */
  readonly terminal?: boolean;
  /**
   * The prompt shown while waiting for a line (default {@link shellPrompt} on a terminal, none on
   * a pipe); `false` for none.
   */
  readonly prompt?: string | false;
}

/** The REPL's prompt (the demo and its tests wait for it). */
export const shellPrompt = 'homelab> ';

/** How the REPL ended: `quit`, end of input (Ctrl-D, a closed pipe), or a second Ctrl-C. */
export type ShellExit = 'quit' | 'eof' | 'interrupt';

const exitHint = '(To exit, press Ctrl-C again or Ctrl-D, or type quit.)';

/** A numbered button, or a select menu (`values`: its option values, picked by position). */
interface Button {
  readonly customId: string;
  readonly message: MessageRef;
  readonly values?: readonly string[];
}

/**
 * A local REPL chat in the spirit of Hubot's shell adapter: type `/ping`, watch the thread's
 * messages, type a button's number to click it. Streams are injected so tests can drive it.
 */
export class ShellChat implements ChatAdapter {
  readonly platform = 'shell' as const;
  readonly user: ChatUser;
  readonly channelId: string;
  /** Resolves when the user typed `quit`, the input ended or Ctrl-C was pressed twice. */
  readonly done: Promise<ShellExit>;
  private readonly buttons: Button[] = [];
  private nextThread = 1;
  private nextMessage = 1;
  private finish: (how: ShellExit) => void = () => undefined;
  /** Stops waiting for the line being handled (first Ctrl-C while a command waits). */
  private cancelWait: (() => void) | undefined;
  private interruptArmed = false;
  private handler: InboundHandler | undefined;
  private inflight: Promise<unknown> = Promise.resolve();
  private lines: Interface | undefined;
  /** The prompt is on screen, waiting for a line. */
  private prompting = false;
  /** The line reader is closed (quit, EOF, Ctrl-C twice): no prompt any more. */
  private closed = false;

  constructor(private readonly options: ShellChatOptions) {
    this.user = options.user ?? { platform: 'shell', id: 'local', roleIds: [], displayName: 'local' };
    this.channelId = options.channelId ?? 'shell';
    let ended = false;
    this.done = new Promise((resolve) => {
      this.finish = (how) => {
        if (!ended) {
          ended = true;
          resolve(how);
        }
      };
    });
  }

  /** The custom id behind button `[n]` as printed (tests and `click`). */
  buttonAt(n: number): string | undefined {
    return this.buttons[n - 1]?.customId;
  }

  print(text: string): void {
    const line = text.endsWith('\n') ? text : `${text}\n`;
    if (!this.prompting || this.closed) {
      this.options.output.write(line);
      return;
    }
    // Output arriving while the prompt waits (a job posting): clear the prompt line, print, redraw.
    const lines = this.lines;
    this.options.output.write(this.terminal ? `\r\x1b[K${line}` : `\n${line}`);
    if (lines !== undefined && this.terminal) lines.prompt(true);
    else this.options.output.write(this.promptText);
  }

  private get terminal(): boolean {
    return this.options.terminal ?? (this.options.input as { isTTY?: boolean }).isTTY === true;
  }

  private get promptText(): string {
    const p = this.options.prompt;
    return p === false ? '' : (p ?? (this.terminal ? shellPrompt : ''));
  }

  /** Shows the prompt and notes that it waits, so later output redraws it. */
  private showPrompt(): void {
    if (this.promptText === '' || this.closed) return;
    this.prompting = true;
    if (this.terminal) this.lines?.prompt();
    else this.options.output.write(this.promptText);
  }

  start(handler: InboundHandler): Promise<void> {
    this.handler = handler;
    void this.loop();
    return Promise.resolve();
  }

  /** Stops reading and waits for the line being handled (so its job is enqueued). */
  async stop(): Promise<void> {
    this.handler = undefined;
    this.lines?.close();
    this.finish('eof');
    await this.inflight;
  }

  private async loop(): Promise<void> {
    const terminal = this.terminal;
    const lines = terminal
      ? createInterface({
          input: this.options.input,
          output: this.options.output,
          terminal: true,
          prompt: this.promptText,
        })
      : createInterface({ input: this.options.input, terminal: false });
    this.lines = lines;
    lines.on('close', () => {
      this.closed = true;
      this.prompting = false;
    });
    if (terminal) this.listenForCtrlC(lines);
    this.showPrompt();
    for await (const line of lines) {
      this.prompting = false;
      this.interruptArmed = false;
      if (this.handler === undefined) break;
      const handling = readShellLine(line, this.lineScope(this.handler));
      this.inflight = handling;
      const cancelled = new Promise<true>((resolve) => {
        this.cancelWait = () => {
          resolve(true);
        };
      });
      const keepGoing = await Promise.race([handling, cancelled]);
      this.cancelWait = undefined;
      if (!keepGoing) {
        this.finish('quit');
        break;
      }
      this.showPrompt();
    }
    this.prompting = false;
    lines.close();
    this.finish('eof');
  }

  /** Ctrl-C like other REPLs: the first clears the line or stops waiting and says how to exit; a second exits. */
  private listenForCtrlC(lines: Interface): void {
    lines.on('SIGINT', () => {
      if (this.interruptArmed) {
        this.finish('interrupt');
        lines.close();
        return;
      }
      this.interruptArmed = true;
      const waiting = this.cancelWait;
      waiting?.();
      lines.write(null, { ctrl: true, name: 'e' });
      lines.write(null, { ctrl: true, name: 'u' });
      this.print(
        `^C${waiting === undefined ? '' : ' Stopped waiting for that command (a queued job may still post in its thread).'}\n${exitHint}`,
      );
    });
    this.options.input.on('keypress', (_text: unknown, key: { ctrl?: boolean; name?: string } | undefined) => {
      if (key?.ctrl !== true || key.name !== 'c') this.interruptArmed = false;
    });
  }

  private lineScope(handler: InboundHandler): Parameters<typeof readShellLine>[1] {
    return {
      handler,
      user: this.user,
      channelId: this.channelId,
      print: (t: string) => {
        this.print(t);
      },
      button: (n: number) => this.buttons[n - 1],
      responder: (threadId?: string) => this.responder(threadId),
      newInvocationId: () => `shell-${randomUUID()}`,
      helpText: this.options.helpText ?? '',
      commandHelp: this.options.commandHelp ?? (() => this.options.helpText ?? ''),
      commandNames: this.options.commandNames ?? [],
      hasSubcommands: this.options.hasSubcommands ?? (() => false),
    };
  }

  private responder(threadId?: string): Responder {
    return {
      replyPrivately: (text) => {
        this.print(`[private] ${text}`);
        return Promise.resolve();
      },
      replyPublicly: (message) => Promise.resolve(this.show(this.channelId, threadId, message)),
    };
  }

  private show(
    channelId: string,
    threadId: string | undefined,
    message: OutgoingMessage,
    note = '',
    id?: string,
  ): MessageRef {
    const ref: MessageRef = {
      platform: 'shell',
      channelId,
      messageId: id ?? `m${this.nextMessage++}`,
      ...(threadId === undefined ? {} : { threadId }),
    };
    const number = (customId: string, values?: readonly string[]): number => {
      this.buttons.push({ customId, message: ref, ...(values === undefined ? {} : { values }) });
      return this.buttons.length;
    };
    this.print(formatShellMessage(placeLabel(channelId, threadId), message, number, note));
    return ref;
  }

  openThread(
    channelId: string,
    title: string,
    first: OutgoingMessage,
  ): Promise<{ thread: ThreadRef; root: MessageRef }> {
    const root = this.show(channelId, undefined, first);
    return this.openThreadOn(root, title).then((thread) => ({ thread, root }));
  }

  openThreadOn(root: MessageRef, title: string): Promise<ThreadRef> {
    const threadId = String(this.nextThread++);
    this.print(`${placeLabel(root.channelId, threadId)} ── ${title} ──`);
    return Promise.resolve({ platform: 'shell', channelId: root.channelId, threadId });
  }

  post(thread: ThreadRef, message: OutgoingMessage): Promise<MessageRef> {
    return Promise.resolve(this.show(thread.channelId, thread.threadId, message));
  }

  edit(message: MessageRef, next: OutgoingMessage): Promise<void> {
    this.show(message.channelId, message.threadId, next, ` (edit ${message.messageId})`, message.messageId);
    return Promise.resolve();
  }

  disableActions(message: MessageRef): Promise<void> {
    this.print(`${placeLabel(message.channelId, message.threadId)} (buttons on ${message.messageId} disabled)`);
    return Promise.resolve();
  }

  sendDirect(userId: string, message: OutgoingMessage): Promise<MessageRef> {
    return Promise.resolve(this.show(`dm-${userId}`, undefined, message));
  }
}
