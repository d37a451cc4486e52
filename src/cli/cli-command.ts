import type { Readable, Writable } from 'node:stream';
import type { ExitCode } from './exit-codes.js';

/** One option of a CLI command, in `node:util` parseArgs terms plus help text. */
export interface CliOption {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly description: string;
  readonly valueName?: string;
}

/** What a CLI command receives: parsed flags, positionals, and where to write. */
export interface CliContext {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  readonly configPath: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
}

/** A CLI command declared as data; `--help` output is generated from these. */
export interface CliCommand {
  /** Words after `homelab-bot`, e.g. `['drift', 'audit']`. */
  readonly path: readonly string[];
  readonly summary: string;
  readonly details?: string;
  readonly options: Readonly<Record<string, CliOption>>;
  /** Names of accepted positional arguments, for help and validation. */
  readonly positionals?: readonly string[];
  readonly run: (context: CliContext) => Promise<ExitCode>;
}

export const defineCliCommand = (command: CliCommand): CliCommand => command;
