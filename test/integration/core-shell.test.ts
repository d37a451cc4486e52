import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';
import { uniquePrefix, useShellSession } from './core-harness.js';

const config = { people: [{ name: 'kid', role: 'family' as const, slackId: 'UKID' }] };

describe('shell adapter end to end (real redis, in-process worker)', () => {
  const prefix = uniquePrefix();
  const shell = useShellSession(() => ({ config, log: silentLogger(), prefix }));
  const { out, type } = shell;

  it('runs /ping into a thread with an attachment and an Acknowledge button', async () => {
    type('/ping');
    await out.waitFor('[#shell] ⏳ Queued: /ping');
    await out.waitFor('[thread #1] ✅ **Pong**');
    expect(out.text).toContain('📎 ping.txt');
    expect(out.text).toContain('[1] Acknowledge');
    await out.waitFor('✅ Done: /ping');
  });

  it("refuses a family member's click on the operator-only button", async () => {
    type('as kid 1');
    await out.waitFor('[private] The Acknowledge button is for the operator');
    expect(out.count('clicked Acknowledge')).toBe(0);
  });

  it('runs the operator click once and refuses the second click', async () => {
    type('1');
    await out.waitFor('[thread #1] 👆 local clicked Acknowledge');
    await out.waitFor('[thread #1] ✅ **Acknowledged by local**');
    type('1');
    await out.waitFor('[private] Acknowledge was already used, so it did not run again.');
    type('/ping delay:0');
    await out.waitFor('✅ **Pong**', 2);
    expect(out.count('Acknowledged by local')).toBe(1);
    expect(out.count('clicked Acknowledge')).toBe(1);
  });

  it('refuses forged and unknown button ids', async () => {
    type('click act:../../etc');
    await out.waitFor("[private] This button isn't one I recognise");
    type('click act:AAAAAAAAAAAAAAAAAAAAAA');
    await out.waitFor('[private] This button is unknown or too old');
  });

  it('refuses an expired button', async () => {
    const past = createStores({ redisUrl: shell.redisUrl, prefix, clock: () => new Date(Date.now() - 3_600_000) });
    const record = await past.actionStore.create(
      {
        kind: 'system.ping-ack',
        label: 'Acknowledge',
        style: 'primary',
        payload: { pingRunId: 'r-x' },
        role: 'operator',
        singleUse: true,
        createdBy: { platform: 'shell', id: 'local' },
        runId: 'r-x',
      },
      60_000,
    );
    await past.close();
    type(`click act:${record.id}`);
    await out.waitFor('[private] This button expired');
  });

  it('tells unknown users who to ask and rejects bad options with what is accepted', async () => {
    type('as stranger /ping');
    await out.waitFor(
      "[private] I don't know you yet — ask local to add your shell id (stranger) to the people table.",
    );
    type('/ping delay:soon');
    await out.waitFor('[private] delay must be a whole number, got "soon". Accepted: delay:<integer> (optional)');
  });

  it('accepts a boolean option typed by its bare name: /e2e dry-run', async () => {
    type('/e2e dry-run');
    await out.waitFor('⏳ Queued: /e2e dry-run');
    expect(out.text).not.toContain('Unexpected value "dry-run"');
  });

  it('refuses an identical command while the first is still running', async () => {
    type('/ping delay:3');
    type('/ping delay:3');
    await out.waitFor(/\[private\] \/ping is already (queued|running)/);
    await out.waitFor('✅ **Pong**', 3);
  });
});
