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

const q = (value: string): string => JSON.stringify(value);

/** The `chat.discord` block of a test `config.yaml` (the token from `${DISCORD_TOKEN}`); `chat:` itself not included. */
export function discordConfigLines(d: {
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly apiUrl: string;
}): string[] {
  return [
    '  discord:',
    '    token: ${DISCORD_TOKEN}',
    `    applicationId: ${q(d.applicationId)}`,
    `    guildId: ${q(d.guildId)}`,
    `    reportChannelId: ${q(d.channelId)}`,
    `    apiUrl: ${d.apiUrl}`,
  ];
}

/** One entry of `people:` in a test `config.yaml`; `slackId` only when given. */
export function personConfigLines(p: {
  readonly name: string;
  readonly role: string;
  readonly discordId: string;
  readonly slackId?: string;
}): string[] {
  return [
    `  - name: ${p.name}`,
    `    role: ${p.role}`,
    `    discordId: ${q(p.discordId)}`,
    ...(p.slackId === undefined ? [] : [`    slackId: ${p.slackId}`]),
  ];
}

/**
 * Writes `config.yaml` (secrets as `${VAR}`) and `.env` (the secrets) into a new temp dir,
 * the way an operator would. `http.port` comes from `HTTP_PORT`, so bot and worker differ.
 */
export async function writeE2eConfig(input: E2eConfigInput): Promise<{ dir: string; configPath: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'hlb-e2e-'));
  const people = input.people.flatMap(personConfigLines);
  const yaml = [
    'chat:',
    ...discordConfigLines(input.discord),
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
