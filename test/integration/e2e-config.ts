import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One person on both platforms. */
export interface E2ePerson {
  readonly name: string;
  readonly role: 'operator' | 'family';
  readonly discordId: string;
  readonly slackId: string;
}

export interface E2eConfigInput {
  readonly discord: {
    readonly token: string;
    readonly applicationId: string;
    readonly guildId: string;
    readonly channelId: string;
    readonly apiUrl: string;
  };
  readonly slack: {
    readonly botToken: string;
    readonly signingSecret: string;
    readonly channelId: string;
    readonly port: number;
    readonly apiUrl: string;
  };
  readonly people: readonly E2ePerson[];
  readonly redisUrl: string;
}

/**
 * Writes `config.yaml` (secrets as `${VAR}`) and `.env` (the secrets) into a new temp dir,
 * the way an operator would. `http.port` comes from `HTTP_PORT`, so bot and worker differ.
 */
export async function writeE2eConfig(input: E2eConfigInput): Promise<{ dir: string; configPath: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-e2e-'));
  const q = (value: string): string => JSON.stringify(value);
  const people = input.people.flatMap((p) => [
    `  - name: ${p.name}`,
    `    role: ${p.role}`,
    `    discordId: ${q(p.discordId)}`,
    `    slackId: ${p.slackId}`,
  ]);
  const yaml = [
    'chat:',
    '  discord:',
    '    token: ${DISCORD_TOKEN}',
    `    applicationId: ${q(input.discord.applicationId)}`,
    `    guildId: ${q(input.discord.guildId)}`,
    `    reportChannelId: ${q(input.discord.channelId)}`,
    `    apiUrl: ${input.discord.apiUrl}`,
    '  slack:',
    '    botToken: ${SLACK_BOT_TOKEN}',
    '    signingSecret: ${SLACK_SIGNING_SECRET}',
    `    channelId: ${input.slack.channelId}`,
    '    mode: http',
    `    port: ${input.slack.port}`,
    `    apiUrl: ${input.slack.apiUrl}`,
    'people:',
    ...people,
    'redis:',
    `  url: ${input.redisUrl}`,
    // Small lock/stall times so a SIGKILLed worker's job is picked up within seconds.
    'worker:',
    '  concurrency: 2',
    '  lockDuration: 2s',
    '  stalledInterval: 1s',
    'http:',
    '  host: 127.0.0.1',
    '  port: ${HTTP_PORT}',
    '',
  ].join('\n');
  const env = [
    `DISCORD_TOKEN=${input.discord.token}`,
    `SLACK_BOT_TOKEN=${input.slack.botToken}`,
    `SLACK_SIGNING_SECRET=${input.slack.signingSecret}`,
    '',
  ].join('\n');
  const configPath = join(dir, 'config.yaml');
  await writeFile(configPath, yaml);
  await writeFile(join(dir, '.env'), env, { mode: 0o600 });
  return { dir, configPath };
}
