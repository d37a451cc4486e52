import { HTTPReceiver, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { toSlackLogger } from './slack-logger.js';

/** Slack's replay window: a request whose timestamp is further than this from now, either way, is refused. */
export const slackSkewSeconds = 300;

/** Thrown by the guard; the receiver answers 401 and nothing runs. */
class StaleSlackRequest extends Error {}

interface Seen { readonly until: number }

/** Headers the guard reads, copied into Bolt's context by the receiver. */
interface GuardProps { readonly slackRequestTs?: string; readonly slackSignature?: string }

export interface SlackRequestGuardOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Bolt checks the signature and refuses timestamps more than 5 minutes old; this adds what
 * Slack's docs ask and Bolt leaves out: a timestamp more than 5 minutes in the *future* is
 * refused (401) too; an identical signed request replayed inside the window is acknowledged
 * and not run again (same signature, or same `trigger_id`); and Slack's own retries
 * (`X-Slack-Retry-Num`) are acknowledged without running again.
 */
export function createSlackRequestGuard(options: SlackRequestGuardOptions): { receiver: HTTPReceiver; middleware: Middleware<AnyMiddlewareArgs> } {
  const now = options.now ?? (() => Date.now());
  const seen = new Map<string, Seen>();
  const firstTime = (key: string): boolean => {
    const t = now();
    for (const [k, v] of seen) if (v.until < t) seen.delete(k);
    if (seen.has(key)) return false;
    // Twice the window: anything older is refused by its timestamp anyway.
    seen.set(key, { until: t + 2 * slackSkewSeconds * 1000 });
    return true;
  };
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    logger: toSlackLogger(options.logger),
    processBeforeResponse: false,
    customPropertiesExtractor: (req) => ({
      slackRequestTs: String(req.headers['x-slack-request-timestamp'] ?? ''),
      slackSignature: String(req.headers['x-slack-signature'] ?? ''),
    }),
    processEventErrorHandler: ({ error, response }) => {
      if (!(error instanceof StaleSlackRequest) || response.headersSent) return Promise.resolve(false);
      response.writeHead(401).end();
      // true: marks the request answered, so Bolt's 3 s "not acknowledged" 404 never follows.
      return Promise.resolve(true);
    },
  });
  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const { context, next, body } = args;
    const ack = (args as { ack?: () => Promise<void> }).ack;
    const props = context as GuardProps;
    const log = options.logger.child({ platform: 'slack' });
    if (props.slackRequestTs !== undefined) {
      const ts = Number(props.slackRequestTs);
      if (!Number.isFinite(ts) || Math.abs(now() / 1000 - ts) > slackSkewSeconds) {
        log.warn({ ts: props.slackRequestTs }, 'slack: refused a request whose timestamp is outside the 5-minute window');
        throw new StaleSlackRequest('timestamp outside the window');
      }
    }
    const trigger = (body as { trigger_id?: unknown }).trigger_id;
    const retried = context.retryNum !== undefined;
    const replayed = (props.slackSignature !== undefined && props.slackSignature !== '' && !firstTime(`sig:${props.slackSignature}`))
      || (typeof trigger === 'string' && !firstTime(`trigger:${trigger}`));
    if (retried || replayed) {
      log.info({ retryNum: context.retryNum, replayed }, 'slack: acknowledged a retried or replayed request without running it again');
      await ack?.();
      return;
    }
    await next();
  };
  return { receiver, middleware };
}
