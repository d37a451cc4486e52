import type { Logger } from '../log.js';
import type { RunRecord, RunStore } from '../store/run-store.js';
import type { ChatPort, MessageRef, ThreadRef } from '../chat/chat-port.js';

/** How long one side may take to post an announcement before the other takes over. */
// Generous: under a burst, Discord's 50 requests/s limit alone can hold a post for seconds.
export const announceLeaseSeconds = 30;
const pollMs = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts the line (and opens the thread); the run id makes the post repeatable where the platform allows. */
async function post(chat: ChatPort, run: RunRecord): Promise<{ thread: ThreadRef; root: MessageRef }> {
  const announce = run.announce;
  if (announce === undefined) throw new Error(`run ${run.runId} has nothing to announce`);
  const inThread = announce.title === undefined || run.threadId !== '';
  // A holder died after it began posting: the line may be out already (Slack has no nonce).
  const found =
    announce.attempted === true
      ? await chat.findPosted?.(run.channelId, inThread ? run.threadId : undefined, run.runId)
      : undefined;
  if (inThread) {
    const thread: ThreadRef = { platform: run.platform, channelId: run.channelId, threadId: run.threadId };
    return { thread, root: found ?? (await chat.post(thread, { text: announce.text }, run.runId)) };
  }
  if (found !== undefined) {
    const thread = await chat.openThreadOn(found, announce.title ?? '');
    return { thread, root: found };
  }
  return chat.openThread(run.channelId, announce.title ?? '', { text: announce.text }, run.runId);
}

/**
 * Makes sure the run's public line and thread exist, posted exactly once by whichever side
 * (bot or worker) gets here first: the first takes a lease, posts, records the refs and clears
 * `announce`; the other waits for that, or takes over when the lease expires (the holder died).
 * Discord posts carry the run id as nonce, so a takeover after a crash mid-post finds the
 * first message instead of posting a second; Slack posts carry it as metadata, and a takeover
 * after an attempt looks the line up (`findPosted`) before posting.
 */
export async function ensureAnnounced(
  chat: ChatPort,
  runStore: RunStore,
  runId: string,
  log: Logger,
): Promise<RunRecord> {
  for (;;) {
    const run = await runStore.get(runId);
    if (run === undefined) throw new Error(`run ${runId} not found`);
    if (run.announce === undefined) return run;
    if (await runStore.leaseAnnouncement(runId, announceLeaseSeconds)) {
      try {
        const again = await runStore.get(runId);
        if (again?.announce === undefined) return again ?? run;
        if (again.announce.attempted !== true && chat.findPosted !== undefined)
          await runStore.update(runId, { announce: { ...again.announce, attempted: true } });
        const { thread, root } = await post(chat, again);
        log.debug({ runId, threadId: thread.threadId }, 'run announced');
        return await runStore.update(runId, {
          channelId: thread.channelId,
          threadId: thread.threadId,
          rootMessageId: root.messageId,
          ...(again.announce.note === true ? {} : { statusMessage: root }),
          announce: undefined,
        });
      } finally {
        await runStore.releaseAnnouncement(runId);
      }
    }
    await sleep(pollMs);
  }
}
