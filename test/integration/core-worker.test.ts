import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { Processors } from '../../src/commands/registry.js';
import { silentLogger } from '../../src/log.js';
import type { Stores } from '../../src/store/stores.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { wired } from './wired.js';

// delay:1 → UserError; delay:2 → fails on the first attempt only; delay:3 → always fails.
const scripted = (stores: Stores): Processors => ({
  ...wired(stores),
  'system.ping': (payload, context) => {
    const mode = payload.options.delay;
    if (mode === 1) throw new UserError('unknown-host', 'Host ct-nope is not in the config.');
    if (mode === 3 || (mode === 2 && context.attempt === 1)) throw new Error(`flaky ${String(context.attempt)}`);
    return Promise.resolve({ title: `Pong on attempt ${String(context.attempt)}`, status: 'ok' });
  },
});

describe('worker error handling (real BullMQ on a private redis)', () => {
  const { out, type } = useShellSession(() => ({
    config: { people: [] },
    log: silentLogger(),
    prefix: uniquePrefix(),
    processors: scripted,
  }));

  it('posts a UserError verbatim once as a refusal (not a failure) and does not retry it', async () => {
    type('/ping delay:1');
    await out.waitFor('🚫 **/ping refused**\n    Host ct-nope is not in the config.');
    await out.waitFor('🚫 Refused: /ping');
    expect(out.count('❌')).toBe(0);
    expect(out.count('Running: /ping')).toBe(1);
  });

  it('retries an internal error and posts only the successful result', async () => {
    type('/ping delay:2');
    await out.waitFor('✅ **Pong on attempt 2**');
    expect(out.count('Pong on attempt')).toBe(1);
    expect(out.count('flaky')).toBe(0);
  });

  it('after the last attempt shows "internal error" with the run id, never the raw error', async () => {
    type('/ping delay:3');
    await out.waitFor(
      /❌ \*\*\/ping failed\*\*\n {4}Internal error \(run r-[\w-]+\)\. The details are in the bot's log\./,
      1,
      60_000,
    );
    expect(out.count('flaky')).toBe(0);
    expect(out.count('Running: /ping')).toBe(1 + 2 + 3);
  });
});
