import type { AnswerHandle } from '../chat/chat-port.js';
import type { Logger } from '../log.js';
import type { InboundCommand, InboundHandler } from './inbound.js';

/** How long an ack waits for its intent to be saved (one Redis write, normally well under 1 ms). */
export const defaultIntentWaitMs = 500;

/**
 * Saves a command's intent (and its sealed answer handle) before its ack, waiting at most `waitMs`: a slow or unreachable Redis
 * must not cost the ack (the command then goes on without the safety net, and says so in the log).
 * Never rejects.
 */
export function saveIntent(
  handler: InboundHandler,
  intent: { readonly command: InboundCommand; readonly answer?: AnswerHandle | undefined },
  log: Logger,
  waitMs = defaultIntentWaitMs,
): Promise<void> {
  const { command, answer } = intent;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log.warn({ invocationId: command.invocationId }, 'intent not saved in time; acking anyway');
      resolve();
    }, waitMs);
  });
  const save = handler.received(command, answer).catch((error: unknown) => {
    log.error({ err: error, invocationId: command.invocationId }, 'could not save the intent');
  });
  return Promise.race([save, late]).finally(() => {
    clearTimeout(timer);
  });
}
