import { describe, expect, it } from 'vitest';
import { lastAuditLine, rewriteReadme, rewriteTargets } from './repo-docs.js';

const last = lastAuditLine({
  auditedAt: new Date('2026-11-25T19:00:00Z'),
  commit: '0123456789abcdef0123456789abcdef01234567',
});

describe('repo docs', () => {
  it('replaces the service table and keeps the text around it', () => {
    const readme =
      '# apps\n\nIntro.\n\n| Stack | Service | Endpoint |\n|---|---|---|\n| a | b | c |\n\n## More\ntext\n';
    const next = rewriteReadme(readme, ['| pihole | dns-pihole | ct-docker-01 | `pihole/pihole:2024.07.0` |'], last);
    expect(next).toBe(
      '# apps\n\nIntro.\n\n| Service | Stack | Host | Image tag |\n|---|---|---|---|\n| pihole | dns-pihole | ct-docker-01 | `pihole/pihole:2024.07.0` |\n\nLast audit: 2026-11-25 (0123456789ab)\n\n## More\ntext\n',
    );
  });

  it('replaces an older Last audit line instead of adding a second one', () => {
    const once = rewriteReadme('| Service | Stack |\n|---|---|\n', [], last);
    const twice = rewriteReadme(
      once,
      [],
      lastAuditLine({ auditedAt: new Date('2026-12-01T00:00:00Z'), commit: 'f'.repeat(40) }),
    );
    expect(twice.match(/Last audit:/g)).toHaveLength(1);
    expect(twice).toContain('Last audit: 2026-12-01 (ffffffffffff)');
  });

  it('leaves a README without a service table alone', () => {
    expect(rewriteReadme('# apps\nno table\n', [], last)).toBe('# apps\nno table\n');
  });

  it('heads stack-targets.yml with one Last audit comment', () => {
    const once = rewriteTargets('# stack → endpoint\ninfra-core: docker01\n', last);
    expect(rewriteTargets(once, last)).toBe(`# ${last}\n# stack → endpoint\ninfra-core: docker01\n`);
  });
});
