import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { ConfigError } from './errors.js';
import { MASK, SecretBook, REDACTED, redactText } from './secrets/redact-text.js';
import { isSecretName } from './secrets/secret-names.js';

export type { Logger } from 'pino';

export interface LogSettings {
  readonly level?: string;
  readonly name?: string;
  /**
   * Known secret values (tokens, keys, passwords from the loaded config and .env), or the
   * process's `SecretBook` so values learned later (host `.env`) are masked too. Any occurrence in
   * a log line, whatever key, depth, binding or message it is in, becomes `[redacted]`.
   */
  readonly secrets?: readonly string[] | SecretBook;
  /** `json` (one object a line, the default) or `pretty` (one readable line); default `LOG_FORMAT`. */
  readonly format?: string;
  /** Where lines go when no destination is passed: 1 (stdout, the default) or 2 (stderr, the shell). */
  readonly fd?: 1 | 2;
}

/** The levels `LOG_LEVEL` accepts. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** The formats `LOG_FORMAT` accepts. */
export const logFormats = ['json', 'pretty'] as const;

const bookKey = Symbol('homelab-bot.secretBook');
type WithBook = Logger & { readonly [bookKey]?: SecretBook };

/** Every string below a secret-named key (at any depth) masked; every other string redacted by the book. */
function scrub(value: unknown, book: SecretBook, secretKey: boolean): unknown {
  if (typeof value === 'string') return secretKey && value !== '' ? REDACTED : book.redact(value);
  if (Array.isArray(value)) return value.map((item: unknown) => scrub(item, book, secretKey));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, book, secretKey || isSecretName(k))]));
}

/** One serialized pino line, scrubbed: parsed, walked at every depth, serialized again. */
export function scrubLogLine(line: string, book: SecretBook): string {
  try {
    return `${JSON.stringify(scrub(JSON.parse(line), book, false))}\n`;
  } catch {
    return book.redact(line);
  }
}

const levelNames: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const hidden = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'v']);

const prettyValue = (value: unknown): string => {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  if (value !== null && typeof value === 'object' && 'message' in value && 'type' in value) {
    const e = value as { type?: unknown; message?: unknown; code?: unknown };
    return JSON.stringify(`${String(e.type)}${typeof e.code === 'string' ? `[${e.code}]` : ''}: ${String(e.message)}`);
  }
  return JSON.stringify(value);
};

/**
 * One scrubbed JSON line as one readable line (`LOG_FORMAT=pretty`):
 * `18:02:11 WARN  job refused job=drift.audit code=no-apps-repo`. Errors show their class, code and
 * message, not their stack (the JSON format keeps the stack).
 */
export function prettyLogLine(jsonLine: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine;
  }
  const time = typeof entry['time'] === 'number' ? new Date(entry['time']).toISOString().slice(11, 19) : '--:--:--';
  const level = (levelNames[Number(entry['level'])] ?? String(entry['level'])).padEnd(5);
  const rest = Object.entries(entry)
    .filter(([k]) => !hidden.has(k))
    .map(([k, v]) => ` ${k}=${prettyValue(v)}`)
    .join('');
  return `${time} ${level} ${typeof entry['msg'] === 'string' ? entry['msg'] : ''}${rest}\n`;
}

/** A destination that scrubs every line (root, child bindings, serialized errors) before writing it. */
function scrubbing(destination: DestinationStream, book: SecretBook, pretty: boolean): DestinationStream {
  return {
    write: (line: string) => {
      const clean = scrubLogLine(line, book);
      destination.write(pretty ? prettyLogLine(clean) : clean);
    },
  };
}

/** `LOG_LEVEL` / `LOG_FORMAT` checked, so a typo fails with what is accepted instead of a pino stack. */
export function checkLogSettings(level: string, format: string): void {
  if (!(logLevels as readonly string[]).includes(level))
    throw new ConfigError(`LOG_LEVEL "${level}" is not a level. Accepted: ${logLevels.join(', ')}.`);
  if (!(logFormats as readonly string[]).includes(format))
    throw new ConfigError(`LOG_FORMAT "${format}" is not a format. Accepted: ${logFormats.join(', ')}.`);
}

/**
 * The one root logger. Child loggers carry the unit of work (`{ platform, cmd, runId }`,
 * `{ job, jobId }`); messages are static strings with a metadata object. Errors under `err` or
 * `error` keep their class (`type`), `code`, message, stack, context and `cause` chain; secrets in
 * them are redacted like everywhere else.
 */
export function createLogger(settings: LogSettings = {}, destination?: DestinationStream): Logger {
  const book = settings.secrets instanceof SecretBook ? settings.secrets : new SecretBook(settings.secrets ?? []);
  const level = settings.level ?? (process.env['LOG_LEVEL'] || 'info');
  const format = settings.format ?? (process.env['LOG_FORMAT'] || 'json');
  checkLogSettings(level, format);
  const options: LoggerOptions = {
    level,
    name: settings.name ?? 'homelab-bot',
    serializers: { err: stdSerializers.errWithCause, error: stdSerializers.errWithCause },
  };
  const logger = pino(
    options,
    scrubbing(destination ?? pino.destination({ dest: settings.fd ?? 1, sync: true }), book, format === 'pretty'),
  );
  Object.defineProperty(logger, bookKey, { value: book, enumerable: false });
  return logger;
}

/**
 * Tells the logger's secret book about values learned at run time (a host's `.env`): from then on
 * they are masked in every log line of this logger, its children and the other users of the book.
 * A logger made elsewhere (tests' `silentLogger`) has no book; then nothing happens.
 */
export function rememberSecrets(log: Logger, values: Iterable<string>): void {
  (log as WithBook)[bookKey]?.add(values);
}

/** The secret book behind a logger made by {@link createLogger}, if any. */
export const secretBookOf = (log: Logger): SecretBook | undefined => (log as WithBook)[bookKey];

/**
 * The redactor of a process, for text bound for chat, Redis or metrics: the secret book behind
 * its logger (config, `.env`, host `.env` values) plus the value rules (URL passwords, private
 * keys, `NAME=value` with a secret name). Without a book, only the value rules apply.
 */
export function redactorOf(log: Logger, mask = MASK): (text: string) => string {
  const book = secretBookOf(log);
  return (text) => (book === undefined ? redactText(text, [], mask) : book.redact(text, mask));
}

/** A logger that discards everything, for unit tests that do not assert on logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
