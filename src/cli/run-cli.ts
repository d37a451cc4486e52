import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { AppError, ConfigError, UserError } from '../errors.js';
import type { CliCommand, CliContext } from './cli-command.js';
import { exitCodes, type ExitCode } from './exit-codes.js';
import { globalCliOptions, renderCommandHelp, renderMainHelp } from './help.js';

export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
}

/** The command whose path is the longest prefix of argv's leading words. */
export function matchCommand(commands: readonly CliCommand[], argv: readonly string[]): CliCommand | undefined {
  const firstFlag = argv.findIndex((a) => a.startsWith('-'));
  const words = firstFlag === -1 ? argv : argv.slice(0, firstFlag);
  return [...commands]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((w, i) => words[i] === w));
}

const unknownCommand = (commands: readonly CliCommand[], argv: readonly string[]): string => {
  const typed = argv
    .filter((a) => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ');
  const accepted = commands.map((c) => c.path.join(' ')).join(', ');
  return `Unknown command "${typed}". Accepted commands: ${accepted}. Run \`homelab-bot --help\` for details.`;
};

function parseFor(
  command: CliCommand,
  argv: readonly string[],
): { values: CliContext['values']; positionals: string[] } {
  const parsed = parseArgs({
    args: argv.slice(command.path.length),
    options: { ...globalCliOptions, ...command.options },
    allowPositionals: true,
    strict: true,
  });
  const accepted = command.positionals ?? [];
  if (parsed.positionals.length > accepted.length) {
    const extra = parsed.positionals.slice(accepted.length).join(' ');
    const allowed = accepted.length === 0 ? 'none' : accepted.join(', ');
    throw new UserError(
      'cli-usage',
      `Unexpected argument(s) "${extra}" for "${command.path.join(' ')}". Accepted positional arguments: ${allowed}.`,
    );
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

const write = (stream: Writable, text: string): void => {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
};

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(
  commands: readonly CliCommand[],
  argv: readonly string[],
  io: CliIo,
  version: string,
): Promise<ExitCode> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    write(io.stdout, renderMainHelp(commands, version));
    return argv.length === 0 ? exitCodes.usage : exitCodes.ok;
  }
  if (argv[0] === '--version') {
    write(io.stdout, version);
    return exitCodes.ok;
  }
  const command = matchCommand(commands, argv);
  if (command === undefined) {
    write(io.stderr, unknownCommand(commands, argv));
    return exitCodes.usage;
  }
  try {
    const { values, positionals } = parseFor(command, argv);
    if (values['help'] === true) {
      write(io.stdout, renderCommandHelp(command));
      return exitCodes.ok;
    }
    const configPath = typeof values['config'] === 'string' ? values['config'] : io.env['CONFIG_PATH'] || undefined;
    return await command.run({ ...io, values, positionals, configPath });
  } catch (error) {
    return reportError(error, command, io);
  }
}

/** node:util's parse errors, reworded to name the command and what it accepts. */
function describeParseError(error: TypeError, command: CliCommand): string {
  const accepted = Object.keys({ ...command.options, ...globalCliOptions })
    .map((o) => `--${o}`)
    .join(', ');
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  const where = `"homelab-bot ${command.path.join(' ')}"`;
  if ('code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `Unknown option ${option ?? ''} for ${where}. Accepted options: ${accepted}.`;
  return `Invalid option ${option ?? ''} for ${where}: ${error.message.split('.')[0] ?? error.message}. Accepted options: ${accepted}.`;
}

function reportError(error: unknown, command: CliCommand, io: CliIo): ExitCode {
  if (error instanceof ConfigError) {
    write(io.stderr, error.message);
    return exitCodes.usage;
  }
  if (error instanceof UserError) {
    write(io.stderr, error.message);
    return exitCodes.usage;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    write(io.stderr, `${describeParseError(error, command)}\n\n${renderCommandHelp(command)}`);
    return exitCodes.usage;
  }
  if (error instanceof AppError) {
    write(io.stderr, `${error.message} (code ${error.code})`);
    return exitCodes.failure;
  }
  write(io.stderr, `Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return exitCodes.failure;
}
