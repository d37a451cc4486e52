import { inspect } from 'node:util';
import type { GitRemote } from './forge.js';

/**
 * A GitRemote whose credential env is readable (`remote.env`) but never serialised: it is kept in a
 * private field behind a getter, so JSON, log serialisers (which copy own enumerable properties) and
 * `util.inspect` show only the URL. The base64 auth header would otherwise slip past value masking.
 */
class CredentialedRemote implements GitRemote {
  readonly #env: Readonly<Record<string, string>>;

  constructor(
    readonly url: string,
    env: Readonly<Record<string, string>>,
    readonly timeoutMs?: number,
  ) {
    this.#env = env;
  }

  get env(): Readonly<Record<string, string>> {
    return this.#env;
  }

  [inspect.custom](): string {
    return `GitRemote(${this.url})`;
  }
}

/** Builds a GitRemote that does not leak `env` when logged. */
export const toGitRemote = (url: string, env: Readonly<Record<string, string>> = {}, timeoutMs?: number): GitRemote =>
  new CredentialedRemote(url, env, timeoutMs);
