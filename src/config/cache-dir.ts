import { homedir, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Where this user's clone cache and scratch work dirs live: `$HLB_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/homelab-bot`, else `~/.cache/homelab-bot`; a per-uid temp folder when there
 * is no home. Per user, so a second user on the machine never hits another one's files (EACCES).
 * The Docker image sets `XDG_CACHE_HOME=/data/cache` (the data volume).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['HLB_CACHE_DIR'];
  if (explicit !== undefined && explicit !== '') return explicit;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && xdg.startsWith('/')) return join(xdg, 'homelab-bot');
  const home = env['HOME'] ?? safeHome();
  if (home !== undefined && home !== '' && home !== '/') return join(home, '.cache', 'homelab-bot');
  return join(tmpdir(), `homelab-bot-cache-${String(userInfo().uid)}`);
}

function safeHome(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}
