import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino masks in every log line. Keys are matched at the top level and one or two levels
 * deep, which covers `{ config: { token } }` and `{ headers: { authorization } }` shapes.
 */
const secretKeys = [
  'token', 'apiKey', 'api_key', 'password', 'secret', 'signingSecret', 'appToken', 'botToken',
  'privateKey', 'authorization', 'Authorization', 'cookie', 'Cookie', 'x-api-key', 'X-Api-Key',
  'X-Plex-Token', 'env', 'Env',
];
export const redactPaths: string[] = secretKeys.flatMap((k) => [
  `["${k}"]`, `*["${k}"]`, `*.*["${k}"]`,
]);

export interface LogSettings {
  readonly level?: string;
  readonly name?: string;
}

/**
 * The one root logger. Child loggers carry the unit of work (`{ platform, cmd, runId }`,
 * `{ job, jobId }`); messages are static strings with a metadata object.
 */
export function createLogger(settings: LogSettings = {}, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env['LOG_LEVEL'] ?? 'info',
    name: settings.name ?? 'homelab-bot',
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** A logger that discards everything, for unit tests that do not assert on logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
