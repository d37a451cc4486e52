import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaEmulators, type MediaEmulators } from './media-emulators.js';

describe('media emulators wired as a healthy stack', () => {
  let stack: MediaEmulators;
  const get = async (url: string, headers: Record<string, string>) =>
    (await fetch(url, { headers: { Accept: 'application/json', ...headers } })).json();
  const field = (p: { fields: { name: string; value: unknown }[] }, name: string) =>
    p.fields.find((f) => f.name === name)?.value;

  beforeAll(async () => {
    stack = await startMediaEmulators({ qbittorrent: { host: '127.0.0.1', port: 18080 } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('Prowlarr apps point at Radarr/Sonarr and back; their synced indexers point at Prowlarr', async () => {
    const { radarr, prowlarr } = stack.media;
    const apps = (await get(`${prowlarr.url}/api/v1/applications`, { 'X-Api-Key': prowlarr.apiKey })) as {
      implementation: string;
      fields: { name: string; value: unknown }[];
    }[];
    expect(apps.map((a) => [a.implementation, field(a, 'baseUrl'), field(a, 'prowlarrUrl')])).toEqual([
      ['Radarr', radarr.url, prowlarr.url],
      ['Sonarr', stack.media.sonarr.url, prowlarr.url],
    ]);
    const indexers = (await get(`${radarr.url}/api/v3/indexer`, { 'X-Api-Key': radarr.apiKey })) as {
      fields: { name: string; value: unknown }[];
    }[];
    expect(indexers.map((i) => field(i, 'baseUrl'))).toEqual([`${prowlarr.url}/1/`]);
    const clients = (await get(`${radarr.url}/api/v3/downloadclient`, { 'X-Api-Key': radarr.apiKey })) as {
      fields: { name: string; value: unknown }[];
    }[];
    expect(clients.map((c) => [field(c, 'host'), field(c, 'port')])).toEqual([['127.0.0.1', 18080]]);
  });

  it('root folders equal the Plex section folders', async () => {
    const folders = (await get(`${stack.media.radarr.url}/api/v3/rootfolder`, {
      'X-Api-Key': stack.media.radarr.apiKey,
    })) as { path: string }[];
    const sections = (await get(`${stack.media.plex.url}/library/sections`, {
      'X-Plex-Token': stack.media.plex.token,
    })) as { MediaContainer: { Directory: { Location: { path: string }[] }[] } };
    expect(sections.MediaContainer.Directory.flatMap((d) => d.Location.map((l) => l.path))).toContain(folders[0]?.path);
    for (const emu of [stack.radarr, stack.sonarr, stack.prowlarr, stack.plex, stack.gluetun])
      expect(emu.violations).toEqual([]);
  });
});
