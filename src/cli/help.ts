import type { CliCommand, CliOption } from './cli-command.js';

const globalOptions: Readonly<Record<string, CliOption>> = {
  config: {
    type: 'string',
    short: 'c',
    valueName: 'path',
    description: 'config file (default: $CONFIG_PATH, else ./config.yaml)',
  },
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
  version: { type: 'boolean', description: 'print the version' },
};

export const globalCliOptions = globalOptions;

const formatOption = (name: string, option: CliOption): string => {
  const short = option.short === undefined ? '    ' : `-${option.short}, `;
  const value = option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : '';
  return `  ${short}--${name}${value}`.padEnd(32) + option.description;
};

/** Top-level help: every command with its summary, global options and exit codes. */
export function renderMainHelp(commands: readonly CliCommand[], version: string): string {
  const rows = commands.map((c) => `  ${c.path.join(' ').padEnd(26)}${c.summary}`);
  return [
    `homelab-bot ${version} — chat-ops for a docker-compose homelab`,
    '',
    'Usage: homelab-bot <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Global options:',
    ...Object.entries(globalOptions).map(([n, o]) => formatOption(n, o)),
    '',
    'Exit codes: 0 ok · 1 findings (drift, lint or check failures) · 2 usage or config error · 3 run failed · 129/130/143 stopped by SIGHUP/SIGINT/SIGTERM',
    "Run `homelab-bot <command> --help` for a command's options.",
  ].join('\n');
}

/** Help for one command. */
export function renderCommandHelp(command: CliCommand): string {
  const args = (command.positionals ?? []).map((p) => ` [${p}]`).join('');
  const options = Object.entries(command.options).map(([n, o]) => formatOption(n, o));
  return [
    `Usage: homelab-bot ${command.path.join(' ')}${args} [options]`,
    '',
    command.summary,
    ...(command.details === undefined ? [] : ['', command.details]),
    '',
    'Options:',
    ...(options.length === 0 ? ['  (none besides the global ones)'] : options),
    ...Object.entries(globalOptions).map(([n, o]) => formatOption(n, o)),
  ].join('\n');
}
