import type { CommandDefinition } from './define-command.js';
import { commandOptionSpecs, type OptionSpec } from './option-specs.js';

/** Discord application command option JSON (subset we emit). */
export interface DiscordOptionJson {
  readonly type: 1 | 3 | 4 | 5;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
  readonly options?: readonly DiscordOptionJson[];
}

/** A CHAT_INPUT application command, ready for `PUT /applications/{id}/guilds/{g}/commands`. */
export interface DiscordCommandJson {
  readonly type: 1;
  readonly name: string;
  readonly description: string;
  readonly options: readonly DiscordOptionJson[];
}

// Discord limits: names 1–32 chars of the pattern, lowercase; descriptions 1–100; ≤ 25 options/choices.
const namePattern = /^[-_\p{L}\p{N}]{1,32}$/u;
const typeCodes = { string: 3, integer: 4, boolean: 5 } as const;

function checkName(name: string, where: string): void {
  if (!namePattern.test(name) || name !== name.toLowerCase()) {
    throw new Error(`${where}: name "${name}" must be 1-32 lowercase letters, digits, - or _`);
  }
}

function checkDescription(description: string, where: string): void {
  if (description.length < 1 || description.length > 100) {
    throw new Error(`${where}: description must be 1-100 characters (has ${description.length})`);
  }
}

function checkCount(count: number, where: string): void {
  if (count > 25) throw new Error(`${where}: at most 25 options (has ${count})`);
}

function toOptionJson(spec: OptionSpec, where: string): DiscordOptionJson {
  checkName(spec.name, where);
  checkDescription(spec.description, `${where} option ${spec.name}`);
  const choices = spec.choices?.map((c) => ({ name: c, value: c }));
  if (choices !== undefined) checkCount(choices.length, `${where} option ${spec.name} choices`);
  return {
    type: typeCodes[spec.type],
    name: spec.name,
    description: spec.description,
    required: spec.required,
    ...(choices === undefined ? {} : { choices }),
  };
}

// Discord requires required options to come before optional ones.
function toOptionsJson(definition: CommandDefinition, where: string): DiscordOptionJson[] {
  const specs = commandOptionSpecs(definition);
  checkCount(specs.length, where);
  const sorted = [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
  return sorted.map((s) => toOptionJson(s, where));
}

function toGroupJson(name: string, group: readonly CommandDefinition[]): DiscordCommandJson {
  checkName(name, `/${name}`);
  const flat = group.find((d) => d.subcommand === undefined);
  if (flat !== undefined) {
    if (group.length > 1) throw new Error(`/${name}: a flat command cannot also have sub-commands`);
    checkDescription(flat.description, `/${name}`);
    return { type: 1, name, description: flat.description, options: toOptionsJson(flat, `/${name}`) };
  }
  checkCount(group.length, `/${name} sub-commands`);
  const options = group.map((d): DiscordOptionJson => {
    const where = `/${name} ${d.subcommand ?? ''}`;
    checkName(d.subcommand ?? '', where);
    checkDescription(d.description, where);
    return { type: 1, name: d.subcommand ?? '', description: d.description, options: toOptionsJson(d, where) };
  });
  return { type: 1, name, description: `${name} commands`, options };
}

/**
 * Groups definitions by `command` into Discord CHAT_INPUT commands (sub-commands as option
 * type 1). Pure JSON, no discord.js. Throws with the offending command on any limit violation.
 */
export function toDiscordCommands(definitions: readonly CommandDefinition[]): DiscordCommandJson[] {
  const groups = new Map<string, CommandDefinition[]>();
  for (const d of definitions) groups.set(d.command, [...(groups.get(d.command) ?? []), d]);
  if (groups.size > 100) throw new Error(`at most 100 commands (has ${groups.size})`);
  return [...groups].map(([name, group]) => toGroupJson(name, group));
}
