import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { discordConfigLines, personConfigLines } from './e2e-config.js';

export const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };

/**
 * `config.yaml` + `.env` for a `start` process on the Discord emulator: a health schedule and the
 * Overseerr notify poll (two job schedulers to lose and repair), repaired every 2 s.
 */
export async function writeOutageConfig(emu: DiscordEmulator, apiUrl: string, redisUrl: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-outage-'));
  const yaml = [
    'chat:',
    ...discordConfigLines({ ...emu.ids, apiUrl }),
    'people:',
    ...personConfigLines({ name: 'alice', role: 'operator', discordId: alice.id }),
    'media:',
    '  overseerr:',
    '    url: http://127.0.0.1:9',
    '    apiKey: ${OVERSEERR_API_KEY}',
    '    notifyPoll: 1h',
    'schedules:',
    '  health:',
    '    every: 1h',
    'redis:',
    `  url: ${redisUrl}`,
    'worker:',
    '  reconcileInterval: 2s',
    'http:',
    '  host: 127.0.0.1',
    '  port: ${HTTP_PORT}',
    '',
  ].join('\n');
  await writeFile(join(dir, 'config.yaml'), yaml);
  await writeFile(join(dir, '.env'), `DISCORD_TOKEN=${emu.token}\nOVERSEERR_API_KEY=k-outage\n`, { mode: 0o600 });
  return dir;
}

/** `/healthz` status code and body (never throws: a refused connection is status 0). */
export async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return { status: 0, body: {} };
  }
}

/** Lines of a child's output (pino JSON, one per line). */
export const lines = (output: string): string[] => output.split('\n').filter((l) => l.trim() !== '');
