import { readFileSync } from 'node:fs';
import { adminCommands } from './cli/admin-commands.js';
import type { CliCommand } from './cli/cli-command.js';
import { chatSetupCommands } from './cli/chat-setup-commands.js';
import { demoCommand } from './cli/demo-command.js';
import { hostsCommands } from './cli/hosts-commands.js';
import { jobCommands } from './cli/job-commands.js';
import { runCli } from './cli/run-cli.js';
import { serviceCommands } from './cli/service-commands.js';

/** Every CLI command, in the order `--help` lists them. */
export const cliCommands: readonly CliCommand[] = [
  ...serviceCommands,
  demoCommand,
  ...adminCommands,
  ...hostsCommands,
  ...chatSetupCommands,
  ...jobCommands,
];

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const code = await runCli(
  cliCommands,
  process.argv.slice(2),
  {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  },
  packageJson.version,
);
process.exitCode = code;
// Everything was closed (with deadlines); a handle some library left open must not keep the process alive.
setTimeout(() => {
  process.exit(code);
}, 2000).unref();
