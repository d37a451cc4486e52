import { setTimeout as sleep } from 'node:timers/promises';
import { pingAck } from './ping-ack.js';
import type { Processor } from './jobs.js';

/** Answers `/ping`: waits `delay` seconds if asked, attaches a small file and an Acknowledge button. */
export const systemPing: Processor<'system.ping'> = async (payload, context) => {
  const delay = payload.options.delay ?? 0;
  if (delay > 0) {
    await context.progress(`🔄 Running: /ping (waiting ${delay}s)`);
    await sleep(delay * 1000);
  }
  const button = await context.createButton(pingAck, { pingRunId: payload.runId }, 'Acknowledge', 'primary');
  return {
    title: 'Pong',
    status: 'ok',
    summary: `The worker answered run ${payload.runId} (attempt ${context.attempt}).`,
    attachments: [
      { filename: 'ping.txt', content: `run ${payload.runId}\nworker pid ${process.pid}\n`, contentType: 'text/plain' },
    ],
    actions: [button],
  };
};
