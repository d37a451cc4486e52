import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import { installShutdown } from './shutdown.js';

describe('installShutdown', () => {
  const removers: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removers.splice(0)) remove();
  });

  it('calls onDone(0) once every target closed in time', async () => {
    const closed: string[] = [];
    const done = new Promise<[number, boolean]>((resolve) => {
      removers.push(
        installShutdown(
          [
            {
              close: () => {
                closed.push('a');
                return Promise.resolve();
              },
            },
          ],
          silentLogger(),
          (code, late) => {
            resolve([code, late]);
          },
          1_000,
        ),
      );
    });
    process.emit('SIGTERM', 'SIGTERM');
    expect(await done).toEqual([0, false]);
    expect(closed).toEqual(['a']);
  });

  it('gives up at the deadline when a target hangs, and reports it', async () => {
    const started = performance.now();
    const done = new Promise<[number, boolean]>((resolve) => {
      removers.push(
        installShutdown(
          [{ close: () => new Promise<void>(() => undefined) }],
          silentLogger(),
          (code, late) => {
            resolve([code, late]);
          },
          150,
        ),
      );
    });
    process.emit('SIGTERM', 'SIGTERM');
    expect(await done).toEqual([1, true]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
