import { didYouMean } from '../../commands/did-you-mean.js';
import { parseSlashLine } from '../../commands/parse-slash-line.js';
import { UserError } from '../../errors.js';
import type { ChatUser, MessageRef } from '../../chat/chat-port.js';
import type { InboundHandler, Responder } from '../inbound.js';

export interface LineScope {
  readonly handler: InboundHandler;
  readonly user: ChatUser;
  readonly channelId: string;
  readonly print: (text: string) => void;
  readonly button: (
    n: number,
  ) => { readonly customId: string; readonly message: MessageRef; readonly values?: readonly string[] } | undefined;
  readonly responder: (threadId?: string) => Responder;
  readonly newInvocationId: () => string;
  readonly helpText: string;
  /** `help <command>`: that command's usage and options. */
  readonly commandHelp: (topic: string) => string;
  /** The commands' names (`ping`, `drift`), to suggest the slash form of a word typed without one. */
  readonly commandNames: readonly string[];
  readonly hasSubcommands: (command: string) => boolean;
}

const usage = [
  'Type a command (/ping, /ping delay:2), a button number to click it, a menu number and choices (3 1,2), or:',
  '  in <thread> /cmd …   run a command inside a thread',
  '  as <user> <line>     act as another local user id (role tests)',
  '  click <act:id>       send a raw button id',
  '  help [<command>]     this list, or one command with its options',
  '  quit                 leave (also Ctrl-D, or Ctrl-C twice)',
].join('\n');

/** Handles one typed line; returns false on `quit`. */
export async function readShellLine(raw: string, scope: LineScope): Promise<boolean> {
  const line = raw.trim();
  if (line === '') return true;
  if (line === 'quit' || line === 'exit') return false;
  if (line === 'help' || line === '?') {
    scope.print(`${usage}\n${scope.helpText}`);
    return true;
  }
  const helpOn = /^help\s+(.+)$/s.exec(line);
  if (helpOn?.[1] !== undefined) {
    scope.print(scope.commandHelp(helpOn[1]));
    return true;
  }
  const as = /^as\s+(\S+)\s+(.+)$/s.exec(line);
  if (as?.[1] !== undefined && as[2] !== undefined) {
    return readShellLine(as[2], { ...scope, user: { platform: 'shell', id: as[1], roleIds: [], displayName: as[1] } });
  }
  const inThread = /^in\s+#?(\S+)\s+(\/.+)$/s.exec(line);
  if (inThread?.[1] !== undefined && inThread[2] !== undefined) {
    await runCommand(inThread[2], scope, inThread[1]);
    return true;
  }
  const pick = /^(\d+)\s+(\d+(?:\s*,\s*\d+)*)$/.exec(line);
  if (pick?.[1] !== undefined && pick[2] !== undefined) {
    await runPick(
      Number(pick[1]),
      pick[2].split(',').map((n) => Number(n.trim())),
      scope,
    );
    return true;
  }
  const click = /^(?:click\s+(\S+)|(\d+))$/.exec(line);
  const token = click?.[1] ?? click?.[2];
  if (token !== undefined) {
    await runClick(token, scope);
    return true;
  }
  await runCommand(line, scope);
  return true;
}

/** `ping` → ` Did you mean /ping?`; `pnig` → ` Did you mean /ping?`; `hlep` → ` Did you mean help?`. */
function slashHint(word: string, line: string, scope: LineScope): string {
  if (scope.commandNames.includes(word.toLowerCase())) return `. Did you mean /${line}?`;
  const guess = didYouMean(word, [...scope.commandNames, 'help', 'quit']);
  if (guess === undefined) return '';
  return `. Did you mean ${guess === 'help' || guess === 'quit' ? guess : `/${guess}`}?`;
}

async function runCommand(line: string, scope: LineScope, threadId?: string): Promise<void> {
  try {
    const slash = parseSlashLine(line, scope.hasSubcommands);
    await scope.handler.onCommand(
      {
        platform: 'shell',
        user: scope.user,
        command: slash.command,
        ...(slash.subcommand === undefined ? {} : { subcommand: slash.subcommand }),
        options: {},
        text: slash.text,
        channelId: scope.channelId,
        ...(threadId === undefined ? {} : { threadId }),
        invocationId: scope.newInvocationId(),
      },
      scope.responder(threadId),
    );
  } catch (error) {
    const word = /^(\S+)/.exec(line)?.[1] ?? '';
    const hint = error instanceof UserError && error.code === 'not-a-command' ? slashHint(word, line, scope) : '';
    scope.print(
      `[private] ${error instanceof UserError ? `${error.message}${hint}` : `${line}: not understood (type help)`}`,
    );
  }
}

async function runClick(token: string, scope: LineScope): Promise<void> {
  const numbered = /^\d+$/.test(token) ? scope.button(Number(token)) : undefined;
  if (/^\d+$/.test(token) && numbered === undefined) {
    scope.print(`[private] There is no button [${token}].`);
    return;
  }
  if (numbered?.values !== undefined) {
    scope.print(
      `[private] [${token}] is a menu: type "${token} 1" to pick its first option (see the numbers under it).`,
    );
    return;
  }
  const customId = numbered?.customId ?? token;
  const message = numbered?.message ?? { platform: 'shell' as const, channelId: scope.channelId, messageId: 'unknown' };
  await scope.handler.onAction(
    { platform: 'shell', user: scope.user, customId, values: [], message, invocationId: scope.newInvocationId() },
    scope.responder(message.threadId),
  );
}

/** `3 1,2`: picks options 1 and 2 of menu [3] (positions as printed). */
async function runPick(n: number, positions: readonly number[], scope: LineScope): Promise<void> {
  const menu = scope.button(n);
  if (menu?.values === undefined) {
    scope.print(
      `[private] [${String(n)}] is not a menu; type a menu's number and the options to pick, e.g. "${String(n)} 1".`,
    );
    return;
  }
  const options = menu.values;
  const wrong = positions.filter((p) => !Number.isInteger(p) || p < 1 || p > options.length);
  if (wrong.length > 0) {
    scope.print(
      `[private] Menu [${String(n)}] has options 1 to ${String(options.length)}; there is no ${wrong.join(', ')}.`,
    );
    return;
  }
  const values = [...new Set(positions)].map((p) => options[p - 1] ?? '');
  await scope.handler.onAction(
    {
      platform: 'shell',
      user: scope.user,
      customId: menu.customId,
      values,
      message: menu.message,
      invocationId: scope.newInvocationId(),
    },
    scope.responder(menu.message.threadId),
  );
}
