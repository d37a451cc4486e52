import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';
import { discordConfigLines, personConfigLines } from './e2e-config.js';

/** Six family members: /ping is deduplicated per person, so each sends their own. */
export const people = Array.from({ length: 6 }, (_, i) => ({
  id: `12000000000000010${String(i)}`,
  slackId: `U0KID000${String(i)}`,
  name: `kid${String(i)}`,
}));
/** Pong's Acknowledge button is the operator's. */
export const alice = { id: '120000000000000001', slackId: 'U0ALICE01', name: 'alice' };
export const slackSecrets = {
  botToken: 'xoxb-scale-bots',
  signingSecret: 'unused-in-socket',
  appToken: 'xapp-scale-bots',
};
export const slackChannel = 'C0CHAN001';

/** `config.yaml` + `.env` shared by every bot and worker: Discord, Slack in Socket Mode, one Redis. */
export async function writeScaleConfig(emu: DiscordEmulator, slack: SlackEmulator, redisUrl: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-scale-bots-'));
  const person = (p: { id: string; slackId: string; name: string }, role: string): string[] =>
    personConfigLines({ name: p.name, role, discordId: p.id, slackId: p.slackId });
  const yaml = [
    'chat:',
    ...discordConfigLines({ ...emu.ids, apiUrl: emu.apiUrl }),
    '  slack:',
    '    botToken: ${SLACK_BOT_TOKEN}',
    '    signingSecret: ${SLACK_SIGNING_SECRET}',
    '    appToken: ${SLACK_APP_TOKEN}',
    '    mode: socket',
    `    channelId: ${slackChannel}`,
    `    apiUrl: ${slack.apiUrl}`,
    'people:',
    ...people.flatMap((p) => person(p, 'family')),
    ...person(alice, 'operator'),
    'redis:',
    `  url: ${redisUrl}`,
    'worker:',
    '  lockDuration: 2s',
    '  stalledInterval: 1s',
    'http:',
    '  host: 127.0.0.1',
    '  port: ${HTTP_PORT}',
    '',
  ].join('\n');
  const env = [
    `DISCORD_TOKEN=${emu.token}`,
    `SLACK_BOT_TOKEN=${slackSecrets.botToken}`,
    `SLACK_SIGNING_SECRET=${slackSecrets.signingSecret}`,
    `SLACK_APP_TOKEN=${slackSecrets.appToken}`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'config.yaml'), yaml);
  await writeFile(join(dir, '.env'), env, { mode: 0o600 });
  return dir;
}
