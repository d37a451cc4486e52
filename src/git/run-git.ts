import { execFile } from 'node:child_process';
import { ExternalError } from '../errors.js';

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** `https://user:token@host/x` → `https://host/x`: URLs in messages never carry credentials. */
export function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
}

/**
 * Runs git asynchronously (never blocking the event loop: emulators may share the process),
 * with prompts disabled. Failures become `ExternalError('git-failed')` with git's first error
 * line, credentials stripped.
 */
export function runGit(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C' },
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr });
          return;
        }
        const reason = stderr.split('\n').find((l) => /fatal|error/i.test(l)) ?? stderr.split('\n')[0] ?? error.message;
        reject(
          new ExternalError('git-failed', `git ${args[0] ?? ''} failed: ${withoutCredentials(reason.trim())}`, {
            context: { args: args.map(withoutCredentials), cwd: options.cwd },
          }),
        );
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
