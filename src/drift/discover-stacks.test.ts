import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignStacks, discoverRepo, parseStackTargets } from './discover-stacks.js';

const repo = fileURLToPath(new URL('../../test/fixtures/compose/repo', import.meta.url));
const hosts = [
  { name: 'ct-docker-01', endpoint: 'docker01', stacks: ['archive'] },
  { name: 'ct-docker-02', endpoint: 'docker02' },
];

describe('discoverRepo', () => {
  it('finds stack dirs and assigns them from stack-targets.yml, ignoring config fallbacks', async () => {
    const d = await discoverRepo(repo, hosts);
    expect(d.stacks).toEqual(['archive', 'broken', 'vpn', 'web']);
    expect(d.source).toBe('stack-targets');
    expect(Object.fromEntries(d.assignments)).toEqual({ 'ct-docker-01': ['web', 'vpn', 'broken'], 'ct-docker-02': [] });
    expect(d.warnings).toEqual([]);
  });

  it("warns about an override file that matches no configured host's endpoint", async () => {
    const d = await discoverRepo(repo, [{ name: 'ct-docker-09', endpoint: 'docker09' }]);
    expect(d.warnings).toContain(
      "stacks/web/docker-compose.docker01.yml matches no configured host's endpoint (docker09), so no audit applies it",
    );
  });
});

describe('assignStacks', () => {
  it('falls back to each host configured stacks and warns about unknown ones', () => {
    const r = assignStacks(['web'], null, [{ name: 'a', endpoint: 'e1', stacks: ['web', 'ghost'] }]);
    expect(Object.fromEntries(r.assignments)).toEqual({ a: ['web', 'ghost'] });
    expect(r.warnings).toEqual(['stack "ghost" is assigned but has no compose file in the repo']);
  });

  it('warns about an endpoint no host has', () => {
    const r = assignStacks(['web'], new Map([['web', ['nowhere']]]), hosts);
    expect(r.warnings).toEqual(['stack "web" targets endpoint "nowhere", which no configured host has']);
  });
});

describe('parseStackTargets', () => {
  it('accepts a list of endpoints and a targets: wrapper', () => {
    const r = parseStackTargets('targets:\n  media: [docker01, docker02]\n  dns: docker01\n');
    expect(r).toEqual({
      ok: true,
      targets: new Map([
        ['media', ['docker01', 'docker02']],
        ['dns', ['docker01']],
      ]),
    });
  });

  it('returns the parser position for broken YAML', () => {
    expect(parseStackTargets('web: [docker01\nvpn: x\n')).toMatchObject({ ok: false, line: 2 });
  });
});
