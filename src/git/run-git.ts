import { spawn } from 'node:child_process';
import { bounded } from '../bounded/call-scope.js';
import { defaultCallTimeouts } from '../config/timeouts-schema.js';
import { ExternalError } from '../errors.js';

export interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** `https://user:token@host/x` → `https://host/x`: URLs in messages never carry credentials. */
export function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
}

export interface RunGitOptions {
  readonly cwd?: string | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly input?: string | undefined;
  /** Limit of this command (config `timeouts.git`, default 2 min); git and its helpers are killed at it. */
  readonly timeoutMs?: number | undefined;
  /** The remote's URL when it is not among `args` (`git fetch origin`), for the timeout message. */
  readonly remote?: string | undefined;
}

const maxOutput = 64 * 1024 * 1024;

/** The remote a git command talks to (a URL argument), credentials stripped, for messages. */
function remoteOf(args: readonly string[]): string | undefined {
  const url = args.find((a) => /^[a-z][a-z0-9+.-]*:\/\//i.test(a) || /^[^\s/]+@[^\s:]+:/.test(a));
  return url === undefined ? undefined : withoutCredentials(url);
}

function failure(args: readonly string[], cwd: string | undefined, stderr: string, fallback: string): ExternalError {
  const reason = stderr.split('\n').find((l) => /fatal|error/i.test(l)) ?? stderr.split('\n')[0] ?? fallback;
  return new ExternalError(
    'git-failed',
    `git ${args[0] ?? ''} failed: ${withoutCredentials((reason || fallback).trim())}`,
    {
      context: { args: args.map(withoutCredentials), cwd },
    },
  );
}

/**
 * Runs git asynchronously (never blocking the event loop: emulators may share the process),
 * with prompts disabled. Failures become `ExternalError('git-failed')` with git's first error
 * line, credentials stripped. At the time limit git's whole process group (remote helpers, ssh)
 * is killed and the call fails with `git-timeout` naming the remote.
 */
export function runGit(args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? defaultCallTimeouts.git;
  const remote = options.remote === undefined ? remoteOf(args) : withoutCredentials(options.remote);
  const target = remote === undefined ? '' : ` (remote ${remote})`;
  let pid: number | undefined;
  return bounded(
    {
      what: `git ${args[0] ?? ''}${target}`,
      timeoutMs,
      timeoutError: () =>
        new ExternalError('git-timeout', `git ${args[0] ?? ''}${target} got no answer within ${timeoutMs} ms`, {
          context: { args: args.map(withoutCredentials), cwd: options.cwd },
        }),
      cancel: () => {
        if (pid !== undefined) killGroup(pid);
      },
    },
    () =>
      new Promise<GitResult>((resolve, reject) => {
        const child = spawn('git', [...args], {
          cwd: options.cwd,
          env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C' },
          // Its own process group, so a timeout also kills git-remote-http / ssh, which hold the pipes open.
          detached: true,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        pid = child.pid;
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let size = 0;
        const collect = (into: Buffer[]) => (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxOutput) killGroup(child.pid);
          else into.push(chunk);
        };
        child.stdout.on('data', collect(out));
        child.stderr.on('data', collect(err));
        child.on('error', (error) => {
          reject(failure(args, options.cwd, '', error.message));
        });
        child.on('close', (code, signal) => {
          const stdout = Buffer.concat(out).toString('utf8');
          const stderr = Buffer.concat(err).toString('utf8');
          if (code === 0) resolve({ stdout, stderr });
          else reject(failure(args, options.cwd, stderr, `exit ${code ?? signal ?? '?'}`));
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
      }),
  );
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
