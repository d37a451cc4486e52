import { describe, expect, it } from 'vitest';
import { createAckGate } from './ack-gate.js';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const isSettled = async (p: Promise<unknown>): Promise<boolean> => {
  const marker = Symbol('pending');
  const winner = await Promise.race([
    p.then(() => 'done'),
    new Promise((r) => {
      setImmediate(() => {
        r(marker);
      });
    }),
  ]);
  return winner !== marker;
};

describe('createAckGate', () => {
  it('is drained at once when no ack is in flight', async () => {
    expect(await isSettled(createAckGate().drained())).toBe(true);
  });

  it('holds handlers until every tracked ack has settled, failed ones included', async () => {
    const gate = createAckGate(60_000, 0);
    const a = deferred();
    const b = deferred();
    void gate.track(a.promise);
    gate.track(b.promise).catch(() => undefined);
    const drained = gate.drained();
    a.resolve();
    expect(await isSettled(drained)).toBe(false);
    expect(gate.pending).toBe(1);
    b.reject(new Error('refused'));
    expect(await isSettled(drained)).toBe(true);
    expect(gate.pending).toBe(0);
  });

  it('lets a handler through after maxWaitMs when acks keep coming', async () => {
    const gate = createAckGate(5, 0);
    void gate.track(new Promise<void>(() => undefined));
    await expect(gate.drained()).resolves.toBeUndefined();
    expect(gate.pending).toBe(1);
  });

  it('waits for a quiet moment: acks all answered mid-burst do not open the gate', async () => {
    const gate = createAckGate(60_000, 250);
    const first = deferred();
    void gate.track(first.promise);
    first.resolve();
    const drained = gate.drained();
    expect(await isSettled(drained)).toBe(false);
    expect(gate.pending).toBe(0);
    // Another interaction of the burst: the quiet window starts again from it.
    const second = deferred();
    void gate.track(second.promise);
    second.resolve();
    expect(await isSettled(drained)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await isSettled(drained)).toBe(true);
  });
});
