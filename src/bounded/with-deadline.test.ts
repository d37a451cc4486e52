import { describe, expect, it } from 'vitest';
import { withDeadline } from './with-deadline.js';

describe('withDeadline', () => {
  it('resolves with the work when it finishes in time', async () => {
    await expect(withDeadline(Promise.resolve(), 1_000)).resolves.toBeUndefined();
  });

  it("passes the work's own failure through", async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow('refused');
  });

  it('gives up on work that never finishes, saying how long it waited', async () => {
    await expect(withDeadline(new Promise<void>(() => undefined), 20)).rejects.toThrow('not connected within 0.02 s');
  });
});
