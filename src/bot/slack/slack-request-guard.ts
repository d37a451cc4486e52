import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { toSlackLogger } from './slack-logger.js';

/** Slack's replay window: a request whose timestamp is further than this from now, either way, is refused. */
export const slackSkewSeconds = 300;

export interface SlackRequestGuardOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** What to do with a request before Bolt sees it. */
type Verdict = 'refuse' | 'ack-only' | 'pass';

/**
 * Bolt checks the signature and refuses timestamps more than 5 minutes old; this adds what
 * Slack's docs ask and Bolt leaves out, from the headers alone, before Bolt reads the body:
 * a timestamp more than 5 minutes in the *future* is refused (401) as well; a request whose
 * signature was seen already (an identical signed request replayed inside the window) is
 * acknowledged (200) and not run again; and Slack's own retries (`X-Slack-Retry-Num`) are
 * acknowledged without running again. The dispatcher also dedupes on `trigger_id`.
 */
export function createGuardedReceiver(options: SlackRequestGuardOptions): HTTPReceiver {
  const now = options.now ?? (() => Date.now());
  const log = options.logger.child({ platform: 'slack' });
  const seen = new Map<string, number>();
  const firstTime = (signature: string): boolean => {
    const t = now();
    for (const [k, until] of seen) if (until < t) seen.delete(k);
    if (seen.has(signature)) return false;
    // Twice the window: anything older is refused by its timestamp anyway.
    seen.set(signature, t + 2 * slackSkewSeconds * 1000);
    return true;
  };
  const judge = (req: IncomingMessage): Verdict => {
    if (req.method !== 'POST') return 'pass';
    const ts = Number(header(req, 'x-slack-request-timestamp'));
    // Missing or malformed: Bolt refuses it with its own 401.
    if (Number.isFinite(ts) && Math.abs(now() / 1000 - ts) > slackSkewSeconds) return 'refuse';
    if (header(req, 'x-slack-retry-num') !== undefined) return 'ack-only';
    const signature = header(req, 'x-slack-signature');
    if (signature !== undefined && signature !== '' && !firstTime(signature)) return 'ack-only';
    return 'pass';
  };
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    logger: toSlackLogger(options.logger),
    processBeforeResponse: false,
  });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const verdict = judge(req);
    if (verdict === 'pass') {
      bolt(req, res);
      return;
    }
    log.info(
      { verdict, retryNum: header(req, 'x-slack-retry-num') },
      verdict === 'refuse'
        ? 'slack: refused a request whose timestamp is outside the 5-minute window'
        : 'slack: acknowledged a retried or replayed request without running it again',
    );
    req.resume();
    res.writeHead(verdict === 'refuse' ? 401 : 200).end();
  };
  return receiver;
}
