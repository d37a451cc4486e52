import { describe, expect, it } from 'vitest';
import { groupLogByStack } from './git-log-by-stack.js';

describe('groupLogByStack', () => {
  it('groups commits by the stacks they touched; other files go under (repo)', () => {
    const text = [
      '\x1eaaa\x1f2026-11-25T10:00:00Z\x1falice\x1ffix(dns-pihole): sync pihole\n\nstacks/dns-pihole/docker-compose.yml\nREADME.md\n',
      '\x1ebbb\x1f2026-11-24T10:00:00Z\x1fbob\x1ffeat: two stacks\n\nstacks/infra-core/docker-compose.yml\nstacks/dns-pihole/.env.sample\n',
    ].join('');
    const groups = groupLogByStack(text, 'stacks');
    expect(groups.map((g) => [g.stack, g.commits.map((c) => c.sha)])).toEqual([
      ['(repo)', ['aaa']],
      ['dns-pihole', ['aaa', 'bbb']],
      ['infra-core', ['bbb']],
    ]);
    expect(groups[1]?.commits[0]).toEqual({
      sha: 'aaa',
      date: '2026-11-25T10:00:00Z',
      author: 'alice',
      subject: 'fix(dns-pihole): sync pihole',
    });
  });
});
