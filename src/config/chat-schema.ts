import { z } from 'zod';
import type { Platform } from '../chat/platform.js';
import { discordId, evenWithIssues, httpUrl, port, secret, slackChannelId, strictObject, text } from './primitives.js';

/** Discord bot settings. Slash commands are registered by a separate CLI step. */
export const discordSchema = strictObject({
  /** Bot token from the Developer Portal → Bot; write it as `${DISCORD_TOKEN}`. */
  token: secret().describe('Discord bot token'),
  /** Application id (Developer Portal → General Information). */
  applicationId: discordId().describe('Discord application id'),
  /** The server (guild) the bot serves. */
  guildId: discordId().describe('Discord guild id'),
  /** Channel where scheduled reports are posted. */
  reportChannelId: discordId().describe('channel for scheduled reports'),
  /** Channels commands and clicks are taken from (threads in them too); default `[reportChannelId]`. Other guilds are always refused. */
  allowedChannelIds: z
    .array(discordId(), { error: 'expected a list of Discord channel ids' })
    .optional()
    .describe('channels the bot answers in'),
  /** REST/gateway base URL override, for local emulators only. */
  apiUrl: httpUrl('http://127.0.0.1:8090/api').optional().describe('Discord API base URL (tests)'),
});

const slackToken = (prefix: string, what: string) => {
  const error = `expected a Slack ${what} starting with ${prefix} (usually written as \${VAR} and set in .env)`;
  return z.string({ error }).startsWith(prefix, { error });
};

/** Slack app settings; Socket Mode (needs `appToken`) or HTTP events on `port`. */
export const slackSchema = strictObject({
  /** Bot user OAuth token `xoxb-…`. */
  botToken: slackToken('xoxb-', 'bot token').describe('Slack bot token xoxb-…'),
  /** Signing secret (Basic Information → App Credentials). */
  signingSecret: secret().describe('Slack signing secret'),
  /** App-level token `xapp-…` with connections:write, required for Socket Mode. */
  appToken: slackToken('xapp-', 'app-level token').optional().describe('Slack app token xapp-… (Socket Mode)'),
  /** Channel where scheduled reports are posted. */
  channelId: slackChannelId().describe('channel for scheduled reports'),
  /** `socket` (default when appToken is set) or `http`. */
  mode: z
    .enum(['http', 'socket'], { error: 'expected "socket" or "http"' })
    .optional()
    .describe('Socket Mode or HTTP events'),
  /** Port of the HTTP events receiver (mode `http`). */
  port: port().default(3000).describe('HTTP events port'),
  /** Channels commands and clicks are taken from; default `[channelId]`. */
  allowedChannelIds: z
    .array(slackChannelId(), { error: 'expected a list of Slack channel ids' })
    .optional()
    .describe('channels the bot answers in'),
  /** The workspace (team id `T…`); when set, requests from any other workspace are refused. */
  teamId: z
    .string({ error: 'expected a Slack team id like T024BE7LD' })
    .regex(/^[TE][A-Z0-9]{2,}$/, { error: 'expected a Slack team id like T024BE7LD' })
    .optional()
    .describe('Slack workspace id'),
  /** Web API base URL override, for local emulators only. */
  apiUrl: httpUrl('http://127.0.0.1:8091/api/').optional().describe('Slack Web API base URL (tests)'),
})
  .superRefine((slack, ctx) => {
    if (slack.mode === 'socket' && slack.appToken === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['appToken'],
        message: 'mode "socket" needs appToken (xapp-…); set it or use mode "http"',
      });
    }
  }, evenWithIssues)
  .transform((slack) => ({ ...slack, mode: slack.mode ?? (slack.appToken === undefined ? 'http' : 'socket') }));

/** The local REPL adapter; needs no tokens and is always available. */
export const shellSchema = strictObject({
  /** `people[].name` the REPL acts as; default is an implicit local operator. */
  person: text('expected the name of a person from people[]').optional().describe('person the REPL acts as'),
});

/** Chat platforms. With no block at all the bot still runs with the local shell. */
export const chatSchema = strictObject({
  discord: discordSchema.optional(),
  slack: slackSchema.optional(),
  shell: shellSchema.prefault({}),
} satisfies Record<Platform, z.ZodType>);

/** Discord settings after validation. */
export type DiscordConfig = z.infer<typeof discordSchema>;
/** Slack settings after validation (`mode` is always set). */
export type SlackConfig = z.infer<typeof slackSchema>;
/** Chat settings after validation. */
export type ChatConfig = z.infer<typeof chatSchema>;
