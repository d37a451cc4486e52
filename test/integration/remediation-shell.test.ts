import { describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { wired } from './wired.js';

const log = silentLogger();
// Read-only config: an apps repo but no forge.
const config = appConfigSchema.parse({ apps: { url: 'file:///nonexistent/apps.git' } });

describe('remediation commands in the local shell (real redis, in-process worker)', () => {
  const { out, type } = useShellSession(() => ({
    config,
    log,
    prefix: uniquePrefix(),
    processors: (stores) => wired(stores, { config, log }),
  }));

  it('explains that /drift fix needs apps.forge instead of failing obscurely', async () => {
    type('/drift fix dns-pihole pihole');
    await out.waitFor('Remediation is not configured: add `apps.forge`');
    expect(out.text).not.toContain('not available in this worker');
  });

  it('names the missing option of /drift fix and what is accepted', async () => {
    type('/drift fix dns-pihole');
    await out.waitFor(
      '[private] Missing service. Accepted: stack:<string>, service:<string>, host:<string> (optional)',
    );
    expect(out.count('Queued: /drift fix')).toBe(1);
  });

  it('shows the audit trail even when the apps repo cannot be read, saying why', async () => {
    type('/audit-trail 3');
    await out.waitFor('Audit trail, last 3 day(s)');
    expect(out.text).toContain('No remediation events.');
    expect(out.text).toMatch(/Unavailable: git clone failed: .*nonexistent/);
  });
});
