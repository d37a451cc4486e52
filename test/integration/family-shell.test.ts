import { afterAll, describe, expect, it } from 'vitest';
import { appConfigSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { startOverseerrEmulator, type OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { uniquePrefix, useShellSession } from './core-harness.js';
import { wired } from './wired.js';

/** The number printed in front of the last `[n] <label…>` line matching `label`. */
function numberOf(text: string, label: RegExp): string {
  const hits = [...text.matchAll(new RegExp(`\\[(\\d+)\\] ${label.source}`, 'g'))];
  const n = hits.at(-1)?.[1];
  if (n === undefined) throw new Error(`no [n] ${label.source} in:\n${text}`);
  return n;
}

/** Overseerr seed user: olga (7) manages requests and issues. */
const olgaId = 7;

describe('the family loop in the local shell: /requests pending, Decline with a reason, /report (real redis, Overseerr emulator)', () => {
  let os: OverseerrEmulator | undefined;
  const { out, type } = useShellSession(async () => {
    os = await startOverseerrEmulator();
    const config = appConfigSchema.parse({
      people: [{ name: 'olga', role: 'operator', slackId: 'UOLGA', overseerrUserId: olgaId }],
      chat: { shell: { person: 'olga' } },
      media: { overseerr: { url: os.url, apiKey: os.apiKey } },
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
  const fileAsFran = async (mediaId: number): Promise<number> => {
    const res = await fetch(`${emulator().url}/api/v1/request`, {
      method: 'POST',
      headers: { 'X-Api-Key': emulator().apiKey, 'X-Api-User': '2', 'Content-Type': 'application/json' },
      body: JSON.stringify({ mediaType: 'movie', mediaId }),
    });
    return ((await res.json()) as { id: number }).id;
  };

  it('lists pending requests oldest first; Approve and Decline (reason from a numbered menu) change each once', async () => {
    const amelie = await fileAsFran(194);
    const heat = await fileAsFran(949);
    type('/requests pending');
    await out.waitFor('2 requests waiting, oldest first');
    expect(out.text.indexOf('Waiting for approval: Amélie (2001)')).toBeLessThan(
      out.text.indexOf('Waiting for approval: Heat (1995)'),
    );
    const approveAmelie = [...out.text.matchAll(/\[(\d+)\] ✅ Approve/g)][0]?.[1] ?? '';
    type(approveAmelie);
    await out.waitFor('Approved Amélie (2001) for fran with your Overseerr account.');
    type(numberOf(out.text, /🚫 Decline/));
    await out.waitFor('Decline Heat (1995)?');
    const menu = numberOf(out.text, /.*: type "\d+ 1"/);
    type(`${menu} 6`);
    await out.waitFor('Declined Heat (1995) for fran with your Overseerr account. Reason: No good release is out yet.');
    const state = (id: number) => emulator().requests.find((r) => r.id === id);
    expect([state(amelie)?.status, state(amelie)?.modifiedBy, state(heat)?.status]).toEqual([2, olgaId, 3]);
    type(approveAmelie);
    await out.waitFor('already used');
    expect(emulator().requestViolations).toEqual([]);
  });

  it('/report files the problem as the caller with the chosen type', async () => {
    type('/report message:"the picture is green" title:"The Matrix"');
    await out.waitFor('What kind of problem is it?');
    type(numberOf(out.text, /🎞️ Video/));
    await out.waitFor('Thanks! I told the operator about a video problem with The Matrix (1999)');
    expect(emulator().state.issues.map((i) => [i.issueType, i.tmdbId, i.createdBy])).toEqual([[1, 603, olgaId]]);
    expect(emulator().violations).toEqual([]);
    expect(emulator().requestViolations).toEqual([]);
  });
});
