import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGluetunClient, type GluetunClient } from '../../src/media/gluetun-client.js';
import { createPlexClient, type PlexClient } from '../../src/media/plex-client.js';
import { startGluetunEmulator, type GluetunEmulator } from '../../lab/emulators/gluetun/gluetun-emulator.js';
import { startPlexEmulator, type PlexEmulator } from '../../lab/emulators/plex/plex-emulator.js';
import { codeOf, expectErrorClasses, tlsUrl } from './media-client-errors.js';

describe('Plex client against the Plex emulator', () => {
  let emu: PlexEmulator;
  let plex: PlexClient;
  beforeAll(async () => {
    emu = await startPlexEmulator();
    plex = createPlexClient({ url: emu.url, token: emu.token, timeoutMs: 3000 });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads identity, sections with their folders and the auto-scan switches', async () => {
    expect(await plex.identity()).toEqual({
      machineIdentifier: emu.state.machineIdentifier,
      version: '1.41.3.9314-a0bfb8370',
      claimed: true,
    });
    expect((await plex.sections()).map((x) => [x.key, x.type, x.locations])).toEqual([
      ['1', 'movie', ['/data/media/movies']],
      ['2', 'show', ['/data/media/tv']],
    ]);
    expect(await plex.autoScan()).toEqual({ automatic: true, partial: true, scheduled: false, intervalSeconds: 3600 });
    emu.setPref('FSEventLibraryUpdatesEnabled', false);
    expect((await plex.autoScan()).automatic).toBe(false);
    emu.setPref('FSEventLibraryUpdatesEnabled', true);
    expect(await plex.sessionCount()).toBe(0);
  });

  it('scans a folder, finds the added movie by tmdb Guid and by search', async () => {
    emu.onRefresh((key, path) => {
      if (path !== undefined)
        emu.addItem(key, { title: 'The Matrix', year: 1999, file: `${path}/The.Matrix.1999.mkv`, tmdbId: 603 });
    });
    expect(await plex.sectionItems('1', { type: 1 })).toEqual([]);
    await plex.refreshSection('1', '/data/media/movies/The Matrix (1999)');
    expect(emu.state.refreshes.at(-1)).toEqual({ sectionKey: '1', path: '/data/media/movies/The Matrix (1999)' });
    const [item] = await plex.sectionItems('1', { type: 1 });
    expect(item).toMatchObject({
      title: 'The Matrix',
      year: 1999,
      guids: ['tmdb://603'],
      files: ['/data/media/movies/The Matrix (1999)/The.Matrix.1999.mkv'],
    });
    expect((await plex.search('matrix')).map((i) => i.ratingKey)).toEqual([item?.ratingKey]);
    emu.onRefresh(undefined);
  });

  it('sends the token as a header only, and Accept: application/json', async () => {
    await plex.identity();
    const call = emu.log.at(-1);
    expect(call?.headers['x-plex-token']).toBe(emu.token);
    expect(call?.headers.accept).toContain('application/json');
    expect(call?.rawUrl).toBe('/identity');
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, token: string, timeoutMs: number) => createPlexClient({ url, token, timeoutMs });
    const clients = {
      ok: plex,
      'wrong-key': make(emu.url, 'wrong', 3000),
      'short-timeout': make(emu.url, emu.token, 200),
      tls: make(tlsUrl(emu.url), emu.token, 3000),
    };
    await expectErrorClasses({
      emu,
      path: '/library/sections',
      call: (k) => clients[k].sections(),
      wrongShape: { MediaContainer: { Directory: [{ key: '1' }] } },
    });
  });
});

describe('Gluetun client against the Gluetun emulator', () => {
  let emu: GluetunEmulator;
  let gluetun: GluetunClient;
  beforeAll(async () => {
    emu = await startGluetunEmulator();
    gluetun = createGluetunClient({ url: emu.url, apiKey: emu.apiKey ?? undefined, timeoutMs: 3000 });
  });
  afterEach(() => {
    expect(emu.violations).toEqual([]);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('reads the public IP, VPN status (WireGuard-safe), forwarded ports and version', async () => {
    expect(await gluetun.publicIp()).toEqual({
      ip: '198.51.100.23',
      country: 'Netherlands',
      city: 'Rotterdam',
      organization: 'AS64500 Emulated VPN',
    });
    expect(await gluetun.vpnStatus()).toBe('running');
    expect(await gluetun.forwardedPorts()).toEqual([]);
    emu.setForwardedPorts([40000, 40001]);
    expect(await gluetun.forwardedPorts()).toEqual([40000, 40001]);
    expect(await gluetun.version()).toBe('v3.41.1');
    emu.setPublicIp('');
    emu.setVpnStatus('starting');
    expect([(await gluetun.publicIp()).ip, await gluetun.vpnStatus()]).toEqual(['', 'starting']);
    emu.setPublicIp('198.51.100.23');
    emu.setVpnStatus('running');
  });

  it('works without a key against an open control server, and says unauthorized when one is needed', async () => {
    const open = await startGluetunEmulator({ apiKey: null });
    expect(await createGluetunClient({ url: open.url, timeoutMs: 3000 }).vpnStatus()).toBe('running');
    await open.close();
    expect(await codeOf(createGluetunClient({ url: emu.url, timeoutMs: 3000 }).vpnStatus())).toBe(
      'gluetun-unauthorized',
    );
  });

  it('classifies refused, timeout, tls, 401, bad JSON, wrong shape and 5xx', async () => {
    const make = (url: string, apiKey: string, timeoutMs: number) => createGluetunClient({ url, apiKey, timeoutMs });
    const key = emu.apiKey ?? '';
    const clients = {
      ok: gluetun,
      'wrong-key': make(emu.url, 'wrong', 3000),
      'short-timeout': make(emu.url, key, 200),
      tls: make(tlsUrl(emu.url), key, 3000),
    };
    await expectErrorClasses({
      emu,
      path: '/v1/publicip/ip',
      call: (k) => clients[k].publicIp(),
      wrongShape: { ip: '1.2.3.4' },
    });
  });
});
