import type { Processor } from './jobs.js';

/** Runs when an operator clicks Acknowledge under a ping result. */
export const systemPingAck: Processor<'system.ping-ack'> = (payload) => {
  const who = payload.requester.name ?? payload.requester.id;
  return Promise.resolve({
    title: `Acknowledged by ${who}`,
    status: 'ok',
    summary: `Ping run ${payload.payload.pingRunId} acknowledged.`,
  });
};
