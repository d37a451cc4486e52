import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

const toText = (parts: readonly unknown[]): string =>
  parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');

/**
 * Bolt/WebClient/SocketMode log through our pino logger (so redaction applies), as a static
 * message with the SDK's text in `detail`. Levels are governed by pino, so `setLevel` is ignored.
 */
export function toSlackLogger(logger: Logger): BoltLogger {
  const child = logger.child({ sdk: 'slack' });
  return {
    debug: (...msg: unknown[]) => {
      child.debug({ detail: toText(msg) }, 'slack sdk');
    },
    info: (...msg: unknown[]) => {
      child.info({ detail: toText(msg) }, 'slack sdk');
    },
    warn: (...msg: unknown[]) => {
      child.warn({ detail: toText(msg) }, 'slack sdk');
    },
    error: (...msg: unknown[]) => {
      child.error({ detail: toText(msg) }, 'slack sdk');
    },
    setLevel: () => undefined,
    getLevel: () =>
      child.isLevelEnabled('debug') ? LogLevel.DEBUG : child.isLevelEnabled('info') ? LogLevel.INFO : LogLevel.WARN,
    setName: () => undefined,
  };
}
