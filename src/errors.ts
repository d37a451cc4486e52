/**
 * Error taxonomy (STYLE.md "Errors"). Codes are stable strings that may leave the process.
 * Catch only at boundaries; wrap library errors at the port.
 */
export interface AppErrorOptions {
  readonly context?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
  readonly retryable?: boolean;
}

/** Base class: every error we raise on purpose carries a stable code. */
export class AppError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.context = options.context ?? {};
  }
}

/** Shown verbatim to the user and never retried (bad input, not allowed, unknown target). */
export class UserError extends AppError {
  constructor(code: string, message: string, options: Omit<AppErrorOptions, 'retryable'> = {}) {
    super(code, message, { ...options, retryable: false });
  }
}

/** A remote system failed (SSH, Docker, GitHub, a media service). Retryable unless said otherwise. */
export class ExternalError extends AppError {
  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(code, message, { retryable: true, ...options });
  }
}

/** Invalid configuration found at startup; the process exits non-zero. */
export class ConfigError extends AppError {
  constructor(message: string, options: Omit<AppErrorOptions, 'retryable'> = {}) {
    super('config-invalid', message, { ...options, retryable: false });
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/**
 * The message a user may see for any thrown value: a UserError's own text, otherwise a
 * generic line with the run id so the operator can find the log entry.
 */
export function toUserMessage(error: unknown, runId?: string): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof ExternalError) return `${error.message} (code ${error.code})`;
  const ref = runId === undefined ? '' : ` (run ${runId})`;
  return `Internal error${ref}. The details are in the bot's log.`;
}
