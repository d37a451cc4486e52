import { afterAll, describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { overseerrUsers, requestFlavors, requestPosts } from './request-harness.js';
import { wired } from './wired.js';

/** The number printed in front of the last `[n] <label…>` line matching `label`. */
function numberOf(text: string, label: RegExp): string {
  const hits = [...text.matchAll(new RegExp(`\\[(\\d+)\\] ${label.source}`, 'g'))];
  const n = hits.at(-1)?.[1];
  if (n === undefined) throw new Error(`no [n] ${label.source} in:\n${text}`);
  return n;
}

describe.each(requestFlavors)(
  '/request in the local shell: numbered select menus (real redis, $name emulator)',
  (f) => {
    let os: OverseerrEmulator | undefined;
    const { out, type } = useShellSession(async () => {
      os = await startOverseerrEmulator({ flavor: f.flavor });
      const config = appConfigSchema.parse({
        people: [{ name: 'fran', role: 'family', slackId: 'UFRAN', overseerrUserId: overseerrUsers.fran }],
        chat: { shell: { person: 'fran' } },
        media: { [f.flavor]: { url: os.url, apiKey: os.apiKey } },
      });
      return { config, log: silentLogger(), prefix: uniquePrefix(), processors: (stores) => wired(stores, { config }) };
    });
    afterAll(async () => {
      await os?.close();
    });
    const emulator = (): OverseerrEmulator => {
      if (os === undefined) throw new Error('the Overseerr emulator did not start');
      return os;
    };

    it(`picks a search result by number, confirms, and files it as the linked ${f.name} user`, async () => {
      type('/request movie Amélie');
      await out.waitFor(/\[\d+\] .*: type "\d+ 1"/);
      expect(out.text).toMatch(/\(1\) Amélie \(2001\)/);
      type(`${numberOf(out.text, /.*: type "\d+ 1"/)} 1`);
      await out.waitFor('Request Amélie (2001)?');
      type(numberOf(out.text, /Request\b/));
      await out.waitFor('waiting for an admin to approve');
      expect(
        emulator()
          .requests.filter((r) => r.tmdbId === 194)
          .map((r) => r.requestedBy),
      ).toEqual([overseerrUsers.fran]);
      expect(requestPosts(emulator()).map((c) => c.apiUser)).toEqual([String(overseerrUsers.fran)]);
      expect(emulator().violations).toEqual([]);
    });

    it('explains a wrong pick and a plain number typed for a menu, and files nothing', async () => {
      type('/request movie Schindler');
      await out.waitFor(/\[\d+\] .*: type "\d+ 1"/, 2);
      const menu = numberOf(out.text, /.*: type "\d+ 1"/);
      type(`${menu} 99`);
      await out.waitFor(`[private] Menu [${menu}] has options 1 to`);
      type(menu);
      await out.waitFor(`[private] [${menu}] is a menu: type "${menu} 1"`);
      expect(requestPosts(emulator())).toHaveLength(1);
    });
  },
);
