import type { CommandDefinition } from '../../commands/define-command.js';
import { didYouMeanText } from '../../commands/did-you-mean.js';
import { commandOptionSpecs, type OptionSpec } from '../../commands/option-specs.js';
import { commandLabel, type Registry } from '../../commands/registry.js';

/** `host:<string>` / `[dry-run]` / `kind:<movie|tv>`, in brackets when optional. */
function optionUsage(spec: OptionSpec): string {
  const kind = spec.choices === undefined ? spec.type : spec.choices.join('|');
  const text = spec.type === 'boolean' ? spec.name : `${spec.name}:<${kind}>`;
  return spec.required ? text : `[${text}]`;
}

/** `/drift audit [host:<string>] [stack:<string>]`. */
export const commandUsage = (d: CommandDefinition): string =>
  [`/${commandLabel(d)}`, ...commandOptionSpecs(d).map(optionUsage)].join(' ');

/** One line per command with its options and what it does (the REPL's `help`). */
export function renderCommandList(registry: Registry): string {
  const usages = registry.commands.map((d) => [commandUsage(d), d.description] as const);
  const width = Math.min(60, Math.max(...usages.map(([u]) => u.length)));
  return [
    'Commands (type help <command> for its options):',
    ...usages.map(([u, description]) => `  ${u.padEnd(width)}  ${description}`),
  ].join('\n');
}

function describeCommand(d: CommandDefinition): string {
  const specs = commandOptionSpecs(d);
  const options =
    specs.length === 0
      ? ['  This command takes no options.']
      : [
          '  Options (name:value, or positional in this order):',
          ...specs.map(
            (s) => `    ${optionUsage(s).replace(/^\[|\]$/g, '')}${s.required ? '' : ' (optional)'}  ${s.description}`,
          ),
        ];
  return [commandUsage(d), `  ${d.description} (role: ${d.role})`, ...options].join('\n');
}

/**
 * `help drift`, `help /drift audit`, `help ping`: the command(s) with each option and its meaning;
 * an unknown name gets a did-you-mean and the list of commands.
 */
export function renderCommandHelp(registry: Registry, topic: string): string {
  const [command = '', subcommand] = topic.trim().replace(/^\//, '').toLowerCase().split(/\s+/);
  const family = registry.commands.filter((d) => d.command === command);
  const exact = family.filter((d) => subcommand === undefined || d.subcommand === subcommand);
  if (exact.length > 0) return exact.map(describeCommand).join('\n\n');
  if (family.length > 0) {
    const guess = didYouMeanText(
      subcommand ?? '',
      family.map((d) => d.subcommand ?? ''),
      `help ${command} `,
    );
    return `/${command} has no sub-command "${subcommand ?? ''}".${guess} Sub-commands: ${family.map((d) => `/${commandLabel(d)}`).join(', ')}.`;
  }
  const guess = didYouMeanText(command, [...new Set(registry.commands.map((d) => d.command))], 'help ');
  return `There is no command /${command}.${guess} Type help for the list.`;
}
