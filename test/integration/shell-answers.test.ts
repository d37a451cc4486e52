import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/default-config.js';
import { createLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { wired } from './wired.js';

/** Every log line the session writes, parsed (the shell's logger at info level). */
const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, cb) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as never);
    cb();
  },
});

describe('shell help, did-you-mean and refusals as answers (real redis, in-process worker)', () => {
  const prefix = uniquePrefix();
  const log = createLogger({ level: 'info', format: 'json' }, logStream);
  // The embedded default config: no apps repo, so /drift audit is refused ("not configured").
  const config = { ...defaultConfig(), people: [] };
  const shell = useShellSession(() => ({ config, log, prefix, processors: (stores) => wired(stores, { log }) }));
  const { out, type } = shell;

  it('help lists one line per command with its options, help <command> explains each option', async () => {
    type('help');
    await out.waitFor('Commands (type help <command> for its options):');
    expect(out.text).toMatch(/\n {2}\/drift audit \[host:<string>\] \[stack:<string>\] +Compare running containers/);
    expect(out.text).toMatch(/\n {2}\/ping \[delay:<integer>\] +Check that the bot/);
    expect(out.text).toMatch(/\n {2}\/e2e \[dry-run\] +Run the end-to-end/);
    type('help drift audit');
    await out.waitFor('    host:<string> (optional)  Only this host (a configured host name)');
    expect(out.text).toContain('    stack:<string> (optional)  Only this stack');
    type('help dirft');
    await out.waitFor('There is no command /dirft. Did you mean help drift?');
  });

  it('suggests the command or option a typo was meant to be', async () => {
    type('/pnig');
    await out.waitFor('[private] Unknown command /pnig. Did you mean /ping? Commands you can use:');
    type('/drift adit');
    await out.waitFor('[private] /drift has no sub-command "adit". Did you mean /drift audit? Use one of:');
    type('/drift audit hots:ct-01');
    await out.waitFor('[private] Unknown option "hots" (did you mean host?). Accepted: host:<string>');
    type('pnig');
    await out.waitFor('(got "pnig"). Did you mean /ping?');
  });

  it('answers a refusal in the thread, records the run as refused and logs no error', async () => {
    type('/drift audit');
    await out.waitFor('🚫 **/drift audit refused**\n    No apps repository is configured');
    await out.waitFor('🚫 Refused: /drift audit');
    expect(out.text).not.toContain('❌');
    const stores = createStores({ redisUrl: shell.redisUrl, prefix });
    try {
      const runs = await stores.runStore.listRecent(20);
      const audit = runs.find((r) => r.command === '/drift audit');
      expect(audit?.status).toBe('refused');
      expect(audit?.error).toContain('No apps repository is configured');
    } finally {
      await stores.close();
    }
    const refused = logLines.find((l) => l['msg'] === 'job refused');
    expect(refused).toMatchObject({ level: 30, code: 'no-apps-repo' });
    expect(logLines.filter((l) => Number(l['level']) >= 50)).toEqual([]);
    expect(JSON.stringify(logLines)).not.toContain('"stack"');
  });
});
