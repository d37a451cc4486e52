import { z } from 'zod';
import type { AnswerHandle, ChatPort } from '../chat/chat-port.js';
import type { Logger } from '../log.js';
import type { Responder } from './inbound.js';

/** A saved `AnswerHandle` (strict: our own JSON from Redis, parsed rather than trusted; unknown fields fail). */
const answerHandle = z
  .object({ expiresAt: z.iso.datetime(), pending: z.boolean(), sealedToken: z.string().min(1) })
  .strict();

/** The handle saved with an intent, or undefined when it is not a valid one. */
export function parseAnswerHandle(value: unknown): AnswerHandle | undefined {
  const parsed = answerHandle.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Why a recovered command's private answer can only be logged. */
export type Unanswerable = 'no-handle' | 'expired' | 'unsupported';

/**
 * Whether the invoker of a recovered command can still be answered privately at `now`:
 * undefined when yes, else why not (the platform's reply window closed, or there is no way).
 */
export function unanswerable(
  chat: Pick<ChatPort, 'answerLater'> | undefined,
  handle: AnswerHandle | undefined,
  now: Date,
): Unanswerable | undefined {
  if (handle === undefined) return 'no-handle';
  if (chat?.answerLater === undefined) return 'unsupported';
  // A date that does not parse is no window at all.
  if (!(Date.parse(handle.expiresAt) > now.getTime())) return 'expired';
  return undefined;
}

export interface RecoveryResponderParts {
  /** The platform's (redacting) chat port; its `answerLater` reaches the invoker. */
  readonly chat: Pick<ChatPort, 'answerLater'> | undefined;
  readonly handle: AnswerHandle | undefined;
  readonly now: () => Date;
  /** Bound to the run (`{ platform, cmd, runId }`). */
  readonly log: Logger;
}

/**
 * Answers the invoker of a command a later bot recovered (its interaction is gone with the bot
 * that died): private answers (a refusal, "already received") go through the saved handle while
 * the platform still takes them (Discord 15 min, Slack 30 min), else to the log, saying why.
 * `acknowledged` (the "Queued" line) only where the platform left the invoker a pending reply.
 * Public replies are posted to the channel by the dispatcher, never through here.
 */
export function recoveryResponder(parts: RecoveryResponderParts): Responder {
  const { chat, handle, log } = parts;
  const answer = async (text: string): Promise<void> => {
    const why = unanswerable(chat, handle, parts.now());
    if (why === undefined && handle !== undefined && chat?.answerLater !== undefined) {
      try {
        await chat.answerLater(handle, text);
        log.info('answered the invoker of a recovered command privately');
        return;
      } catch (error) {
        log.warn({ err: error }, 'the platform refused the private answer to a recovered command');
      }
    } else if (why === 'expired') {
      log.warn({ expiredAt: handle?.expiresAt }, 'the invoker can no longer be answered: the reply window closed');
    }
    log.warn({ text }, 'a recovered command was answered privately; its invoker is gone');
  };
  return {
    replyPrivately: answer,
    replyPublicly: () => Promise.reject(new Error('a recovered command has no interaction to reply to')),
    ...(handle?.pending === true ? { acknowledged: answer } : {}),
  };
}
