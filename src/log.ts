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
  /**
   * Known secret values (tokens, keys, passwords from the loaded config and .env). Any log
   * argument containing one has it replaced by `[redacted]`, whatever key or message it is in.
   */
  readonly secrets?: readonly string[];
}

const censor = '[redacted]';

/** Deep copy of `value` with every known secret replaced; Errors become plain objects. */
export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join(censor), value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const { name, message, stack } = value;
    return scrubSecrets({ type: name, message, stack, ...(value as unknown as Record<string, unknown>) }, secrets, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item: unknown) => scrubSecrets(item, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubSecrets(v, secrets, depth + 1)]));
}

/**
 * The one root logger. Child loggers carry the unit of work (`{ platform, cmd, runId }`,
 * `{ job, jobId }`); messages are static strings with a metadata object.
 */
export function createLogger(settings: LogSettings = {}, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env['LOG_LEVEL'] ?? 'info',
    name: settings.name ?? 'homelab-bot',
    redact: { paths: redactPaths, censor },
  };
  const secrets = (settings.secrets ?? []).filter((v) => v.length >= 4);
  if (secrets.length > 0) {
    options.hooks = {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => scrubSecrets(arg, secrets)) as Parameters<typeof method>);
      },
    };
  }
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** A logger that discards everything, for unit tests that do not assert on logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
