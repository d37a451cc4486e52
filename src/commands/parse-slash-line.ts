import { UserError } from '../errors.js';

/** A typed slash line split into command, optional sub-command and the remaining text. */
export interface SlashLine {
  readonly command: string;
  readonly subcommand?: string;
  readonly text: string;
}

/**
 * `'/drift audit host:ct-media-01'` → `{ command: 'drift', subcommand: 'audit', text: 'host:ct-media-01' }`.
 * `hasSubcommands(command)` tells whether the second word is a sub-command (it is only for
 * grouped commands, so `/request Dune` keeps `Dune` as text).
 */
export function parseSlashLine(line: string, hasSubcommands: (command: string) => boolean = () => false): SlashLine {
  const match = /^\/([^\s]+)\s*(.*)$/s.exec(line.trim());
  if (match?.[1] === undefined) {
    throw new UserError('not-a-command', `Commands start with a slash, e.g. /ping (got "${line.trim()}")`);
  }
  const command = match[1].toLowerCase();
  const rest = (match[2] ?? '').trim();
  if (!hasSubcommands(command)) return { command, text: rest };
  const sub = /^(\S+)\s*(.*)$/s.exec(rest);
  if (sub?.[1] === undefined) return { command, text: '' };
  return { command, subcommand: sub[1].toLowerCase(), text: (sub[2] ?? '').trim() };
}
