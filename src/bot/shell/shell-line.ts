import { parseSlashLine } from '../../commands/parse-slash-line.js';
import { UserError } from '../../errors.js';
import type { ChatUser, InboundHandler, MessageRef, Responder } from '../chat-port.js';

export interface LineScope {
  readonly handler: InboundHandler;
  readonly user: ChatUser;
  readonly channelId: string;
  readonly print: (text: string) => void;
  readonly button: (n: number) => { readonly customId: string; readonly message: MessageRef } | undefined;
  readonly responder: (threadId?: string) => Responder;
  readonly newInvocationId: () => string;
  readonly helpText: string;
  readonly hasSubcommands: (command: string) => boolean;
}

const usage = [
  'Type a command (/ping, /ping delay:2), a button number to click it, or:',
  '  in <thread> /cmd …   run a command inside a thread',
  '  as <user> <line>     act as another local user id (role tests)',
  '  click <act:id>       send a raw button id',
  '  help | quit',
].join('\n');

/** Handles one typed line; returns false on `quit`. */
export async function readShellLine(raw: string, scope: LineScope): Promise<boolean> {
  const line = raw.trim();
  if (line === '') return true;
  if (line === 'quit' || line === 'exit') return false;
  if (line === 'help') {
    scope.print(`${usage}\n${scope.helpText}`);
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
  const click = /^(?:click\s+(\S+)|(\d+))$/.exec(line);
  const token = click?.[1] ?? click?.[2];
  if (token !== undefined) {
    await runClick(token, scope);
    return true;
  }
  await runCommand(line, scope);
  return true;
}

async function runCommand(line: string, scope: LineScope, threadId?: string): Promise<void> {
  try {
    const slash = parseSlashLine(line, scope.hasSubcommands);
    await scope.handler.onCommand({
      platform: 'shell', user: scope.user, command: slash.command, ...(slash.subcommand === undefined ? {} : { subcommand: slash.subcommand }),
      options: {}, text: slash.text, channelId: scope.channelId, ...(threadId === undefined ? {} : { threadId }),
      invocationId: scope.newInvocationId(),
    }, scope.responder(threadId));
  } catch (error) {
    scope.print(`[private] ${error instanceof UserError ? error.message : `${line}: not understood (type help)`}`);
  }
}

async function runClick(token: string, scope: LineScope): Promise<void> {
  const numbered = /^\d+$/.test(token) ? scope.button(Number(token)) : undefined;
  if (/^\d+$/.test(token) && numbered === undefined) {
    scope.print(`[private] There is no button [${token}].`);
    return;
  }
  const customId = numbered?.customId ?? token;
  const message = numbered?.message ?? { platform: 'shell' as const, channelId: scope.channelId, messageId: 'unknown' };
  await scope.handler.onAction(
    { platform: 'shell', user: scope.user, customId, values: [], message, invocationId: scope.newInvocationId() },
    scope.responder(message.threadId),
  );
}
