import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadHostStacks } from './load-host-stacks.js';

const repoDir = fileURLToPath(new URL('../../test/fixtures/compose/repo', import.meta.url));

describe('loadHostStacks', () => {
  it('keeps loading after an unparseable stack and applies per-stack host env', async () => {
    const stacks = await loadHostStacks({
      repoDir,
      endpoint: 'docker01',
      stacks: ['broken', 'vpn', 'missing'],
      hostEnvs: new Map([['vpn', 'WG_KEY=k\n']]),
    });
    expect(stacks.map((s) => [s.stack, s.ok])).toEqual([
      ['broken', false],
      ['vpn', true],
      ['missing', false],
    ]);
    const vpn = stacks[1];
    if (vpn?.ok !== true) throw new Error('vpn should load');
    expect(vpn.services[0]?.model.environment.get('WIREGUARD_PRIVATE_KEY')).toBe('k');
  });
});
