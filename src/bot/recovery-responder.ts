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
  /** The platform's (redacting) chat port; its `answerLater` (or else `answerInChannel`) reaches the invoker. */
  readonly chat: Pick<ChatPort, 'answerLater' | 'answerInChannel'> | undefined;
  readonly handle: AnswerHandle | undefined;
  /** Who ran the command, and where: for `answerInChannel` once the handle no longer works. */
  readonly invoker?: { readonly channelId: string; readonly userId: string };
  readonly now: () => Date;
  /** Bound to the run (`{ platform, cmd, runId }`). */
  readonly log: Logger;
}

/**
 * Answers the invoker of a command a later bot recovered (its interaction is gone with the bot
 * that died): private answers (a refusal, "already received") go through the saved handle while
 * the platform still takes them (Discord 15 min, Slack 30 min and 5 uses); after that, or when
 * the platform refuses, as a message only the invoker sees where the platform has one (Slack
 * `chat.postEphemeral`); else to the log, saying why.
 * `acknowledged` (the "Queued" line) only where the platform left the invoker a pending reply.
 * Public replies are posted to the channel by the dispatcher, never through here.
 */
export function recoveryResponder(parts: RecoveryResponderParts): Responder {
  const { chat, handle, invoker, log } = parts;
  /** Last resort before the log: a message only the invoker sees, in the command's channel. */
  const inChannel = async (text: string): Promise<boolean> => {
    if (chat?.answerInChannel === undefined || invoker === undefined) return false;
    try {
      await chat.answerInChannel(invoker.channelId, invoker.userId, text);
      log.info('answered the invoker of a recovered command in the channel, visible only to them');
      return true;
    } catch (error) {
      log.warn({ err: error }, 'the platform refused the answer in the channel to a recovered command');
      return false;
    }
  };
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
      log.warn({ expiredAt: handle?.expiresAt }, 'the reply window of a recovered command closed');
    }
    if (await inChannel(text)) return;
    log.warn({ text }, 'a recovered command was answered privately; its invoker is gone');
  };
  return {
    replyPrivately: answer,
    replyPublicly: () => Promise.reject(new Error('a recovered command has no interaction to reply to')),
    ...(handle?.pending === true ? { acknowledged: answer } : {}),
  };
}
