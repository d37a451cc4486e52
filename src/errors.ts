/**
 * Error taxonomy (STYLE.md "Errors"). Codes are stable strings that may leave the process.
 * Catch only at boundaries; wrap library errors at the port.
 */
export interface AppErrorOptions {
  readonly context?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
  readonly retryable?: boolean;
}

/**
 * The one error-code catalog: every stable code an `AppError` may carry (they leave the process in
 * logs, chat replies and the audit trail, so they never change meaning). The constructors accept
 * only `ErrorCode`, so a new code is added here first. Folder-level unions (`HostErrorCode`,
 * `ForgeErrorCode`, `MediaErrorCode`) are subsets the compiler checks against this catalog.
 */
export const errorCodes = {
  /** Refusals and bad input, shown verbatim and never retried (`UserError`). */
  user: [
    'action-expired',
    'action-unknown',
    'action-used',
    'already-running',
    'bad-options',
    'cli-usage',
    'e2e-not-configured',
    'forged-action',
    'health-fix-invalid',
    'health-fix-no-forge',
    'health-fix-no-service',
    'health-fix-noop',
    'media-query-invalid',
    'no-apps-repo',
    'no-chat-configured',
    'no-discord',
    'no-drift',
    'no-forge',
    'not-a-command',
    'not-allowed',
    'nothing-to-backport',
    'overseerr-unlinked',
    'request-bad-pick',
    'request-bad-seasons',
    'request-not-yours',
    'requests-not-configured',
    'unknown-command',
    'unknown-host',
    'unknown-stack',
    'unterminated-quote',
    'wrong-place',
    'action-elsewhere',
    'nothing-to-commit',
    'known-hosts-unreadable',
    'revert-conflict',
    'service-exists',
    'not-unmanaged',
    'adopt-invalid',
  ],
  /** A remote system failed (`ExternalError`): chat platforms, git, Overseerr, Plex, Gluetun. */
  external: [
    'apps-branch-missing',
    'apps-repo-missing',
    'discord-api',
    'discord-unreachable',
    'git-failed',
    'gluetun-http-error',
    'notice-pending',
    'overseerr-auth',
    'overseerr-bad-response',
    'overseerr-duplicate',
    'overseerr-failed',
    'overseerr-forbidden',
    'overseerr-http-error',
    'overseerr-not-found',
    'overseerr-quota',
    'overseerr-request-refused',
    'overseerr-timeout',
    'overseerr-unreachable',
    'overseerr-unknown-user',
    'plex-http-error',
    'slack-api',
    'slack-unreachable',
    'cluster-forbidden',
    'cluster-api-error',
    'git-timeout',
    'job-budget-exceeded',
    'queue-unavailable',
  ],
  /** SSH and Docker hosts (`src/infra`). */
  host: [
    'host-unreachable',
    'ssh-auth-failed',
    'host-key-mismatch',
    'host-key-unknown',
    'docker-socket-denied',
    'docker-socket-missing',
    'docker-unavailable',
    'host-file-unreadable',
    'ssh-failed',
    'host-timeout',
  ],
  /** Pull requests and merges (`src/forge`). */
  forge: [
    'head-moved',
    'not-mergeable',
    'already-merged',
    'not-found',
    'forge-unavailable',
    'rate-limited',
    'forge-rejected',
  ],
  /** Invalid configuration at startup (`ConfigError`). */
  config: ['config-invalid'],
} as const;

/** How a call to a media service failed; service-scoped codes are `<service>-<failure>`. */
export const serviceFailures = [
  'refused',
  'timeout',
  'dns',
  'tls',
  'unreachable',
  'aborted',
  'unauthorized',
  'http-error',
  'bad-response',
] as const;

export type ServiceFailure = (typeof serviceFailures)[number];

/** A stable error code: one from the catalog, or `<service>-<failure>` / `<service>-http-<status>` of a media call. */
export type ErrorCode =
  | (typeof errorCodes)[keyof typeof errorCodes][number]
  | ServiceFailure
  | `${string}-${ServiceFailure}`
  | `${string}-http-${number}`;

/** Base class: every error we raise on purpose carries a stable code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.context = options.context ?? {};
  }
}

/** Shown verbatim to the user and never retried (bad input, not allowed, unknown target). */
export class UserError extends AppError {
  constructor(code: ErrorCode, message: string, options: Omit<AppErrorOptions, 'retryable'> = {}) {
    super(code, message, { ...options, retryable: false });
  }
}

/** A remote system failed (SSH, Docker, GitHub, a media service). Retryable unless said otherwise. */
export class ExternalError extends AppError {
  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
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
