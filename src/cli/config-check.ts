import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { defaultConfigPath, loadConfig } from '../config/load-config.js';
import { placeholderProblems } from '../config/placeholders.js';
import { formatProblem } from '../config/config-problem.js';
import type { CliContext } from './cli-command.js';
import { appsPathProblem, hostFileProblems } from './config-files-check.js';
import { exitCodes, type ExitCode } from './exit-codes.js';

/** Which file a run reads: `--config`, else `$CONFIG_PATH`, else ./config.yaml (missing: the built-in default). */
export function configSource(
  ctx: Pick<CliContext, 'configPath'>,
  cwd = process.cwd(),
): { file: string; explicit: boolean; exists: boolean } {
  const file = resolve(cwd, ctx.configPath ?? defaultConfigPath);
  return { file, explicit: ctx.configPath !== undefined, exists: existsSync(file) };
}

const builtInDefault = (file: string): string =>
  `No config file at ${file}: using the built-in default (local shell only: no hosts, no chat platforms, no media services).\n` +
  'Start from the example: cp config.example.yaml config.yaml && cp .env.sample .env, or pass --config <path> / set CONFIG_PATH.';

/**
 * `homelab-bot config check`: names the file it read, validates it (every problem with file:line),
 * refuses placeholder values left from the sample files, missing or unreadable key and known_hosts
 * files, known_hosts without the configured host, and an apps.path that cannot be created.
 */
export async function runConfigCheck(
  ctx: CliContext,
  describe: (config: Awaited<ReturnType<typeof loadConfig>>) => string[],
): Promise<ExitCode> {
  const source = configSource(ctx);
  const config = await loadConfig({ ...(ctx.configPath === undefined ? {} : { path: ctx.configPath }), env: ctx.env });
  const lines = describe(config).map((l) => `  ${l}`);
  if (!source.exists) {
    ctx.stdout.write(`${builtInDefault(source.file)}\n${lines.join('\n')}\n`);
    return exitCodes.ok;
  }
  const text = await readFile(source.file, 'utf8');
  const problems = [
    ...placeholderProblems(text, source.file, config).map(formatProblem),
    ...(await hostFileProblems(config)),
    ...[await appsPathProblem(config)].filter((p) => p !== undefined),
  ];
  const envFiles = [...new Set([resolve('.env'), resolve(dirname(source.file), '.env')])].filter((f) => existsSync(f));
  const read = `${source.file}${envFiles.length === 0 ? '' : ` with ${envFiles.join(', ')}`}`;
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${String(problems.length)} problems`;
    ctx.stderr.write(
      `Config ${read} is valid YAML and schema, but has ${count}:\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return exitCodes.usage;
  }
  ctx.stdout.write(`Config OK: ${read}\n${lines.join('\n')}\n`);
  return exitCodes.ok;
}
