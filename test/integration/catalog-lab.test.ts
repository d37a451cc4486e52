import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import { collectCatalog } from '../../src/catalog/collect-catalog.js';
import { findPngRenderer } from '../../src/catalog/render-png.js';
import { catalogShowProcessor } from '../../src/commands/catalog/catalog-show.js';
import { wired } from './wired.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { PrivateRedis } from '../../src/store/private-redis.js';
import { createStores } from '../../src/store/stores.js';
import { startDiscordEmulator, type DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import type { StoredMessage } from '../../lab/emulators/discord/emulator-state.js';
import { docker01Stacks } from '../../lab/fixture-stacks-docker01.js';
import { media01Stacks } from '../../lab/fixture-stacks-media01.js';
import { requireLab, startLab, type Lab } from '../../lab/index.js';
import { startTestRedis, uniquePrefix } from './core-harness.js';
import { labAuditConfig, labAuditDeps } from './drift-harness.js';
import { parseFlowchart } from './mermaid-parse.js';
import { bindJobs } from '../../src/commands/registry.js';

const alice = { id: '120000000000000001', username: 'alice', roleIds: [] };
const kid = { id: '120000000000000002', username: 'kid', roleIds: [] };
const access = {
  people: [
    { name: 'alice', role: 'operator' as const, discordId: alice.id },
    { name: 'kid', role: 'family' as const, discordId: kid.id },
  ],
};
const log = silentLogger();
const labServices = [...docker01Stacks, ...media01Stacks].flatMap((s) =>
  s.services.map((service) => ({ stack: s.name, service })),
);

describe('/catalog through Discord (emulator, real bot, worker and lab)', () => {
  let lab: Lab | undefined;
  let redis: PrivateRedis | undefined;
  let emu: DiscordEmulator | undefined;
  let result: StoredMessage | undefined;
  const stops: (() => Promise<void>)[] = [];
  const attachment = (name: string): string => {
    const a = result?.attachments.find((x) => x.filename === name);
    return a === undefined || emu === undefined ? '' : emu.attachmentContent(a.id).toString('utf8');
  };

  beforeAll(async () => {
    await requireLab();
    lab = await startLab({ name: 'ops-catalog' });
    redis = await startTestRedis();
    emu = await startDiscordEmulator({ users: [alice, kid] });
    const prefix = uniquePrefix();
    const { startDiscordBot } = await import('./discord-stack.js');
    const bot = await startDiscordBot({ emu, redisUrl: redis.url, prefix, access });
    const stores = createStores({ redisUrl: redis.url, prefix });
    const deps = labAuditDeps(lab, labAuditConfig(lab), log);
    const health = (): Promise<(e: { service: string }) => string | undefined> =>
      Promise.resolve((e) => (e.service === 'radarr' ? 'ok' : undefined));
    const show = catalogShowProcessor({ collect: () => collectCatalog(deps), health, png: () => findPngRenderer() });
    const chat = new DiscordChat({ token: emu.token, apiUrl: emu.apiUrl, logger: log });
    const worker = startWorker({
      redisUrl: redis.url,
      prefix: `${prefix}bull`,
      jobs: bindJobs({ ...wired(stores), 'catalog.show': show }),
      chats: { discord: chat },
      ...stores,
      log,
    });
    stops.push(
      () => bot.stop(),
      () => worker.close(),
      () => stores.close(),
    );
  }, 900_000);

  afterAll(async () => {
    for (const stop of stops) await stop();
    await emu?.stop();
    await redis?.stop();
    await lab?.stop();
  }, 120_000);

  it('refuses a family member', async () => {
    if (emu === undefined) throw new Error('setup failed');
    const e = emu;
    await e.slash(kid.id, 'catalog');
    await e.waitFor(
      () => [...e.state.messages.values()].find((m) => m.content.includes('/catalog is for the operator')),
      'refusal',
      20_000,
    );
    expect(e.messagesIn(e.ids.channelId).some((m) => m.threadId !== null)).toBe(false);
  });

  it('posts catalog.md with every lab service (image, version, Traefik URL, health) and a Mermaid diagram that parses', async () => {
    if (emu === undefined) throw new Error('setup failed');
    const e = emu;
    await e.slash(alice.id, 'catalog');
    const root = await e.waitFor(
      () => e.messagesIn(e.ids.channelId).find((m) => m.threadId !== null),
      'threaded reply',
    );
    result = await e.waitFor(
      () => e.messagesIn(root.id).find((m) => m.content.includes('Service catalog')),
      'catalog result',
      240_000,
    );
    expect(result.attachments.map((a) => a.filename)).toEqual(expect.arrayContaining(['catalog.md', 'catalog.mmd']));
    expect(result.content).toContain(
      `${String(labServices.length)} services (${String(labServices.length)} running) on 2/2 hosts`,
    );

    const table = attachment('catalog.md').split('\n');
    for (const { stack, service } of labServices) {
      expect(
        table.some((row) => row.startsWith(`| ${service} | ${stack} | ct-`)),
        `${stack}/${service} row`,
      ).toBe(true);
    }
    const radarr = table.find((row) => row.startsWith('| radarr |'));
    // The lab images carry `org.opencontainers.image.version=<variant>` (see lab/base-image.ts).
    expect(radarr).toMatch(
      /^\| radarr \| media-indexers \| ct-media-01 \| `lscr\.io\/linuxserver\/radarr:5\.9\.1` \| a \| https:\/\/radarr\.home\.lan \| ok · running \((healthy|starting)\) \|$/,
    );
    expect(table.find((row) => row.startsWith('| whoami |'))).toMatch(/ \| running \|$/); // no healthcheck

    const chart = await parseFlowchart(attachment('catalog.mmd'));
    const names = chart.vertices.map((v) => v.text.split(' · ')[0]);
    for (const { service } of labServices) expect(names).toContain(service);
    const name = (id: string): string => chart.vertices.find((v) => v.id === id)?.text.split(' · ')[0] ?? id;
    const edges = chart.edges.map((x) => `${name(x.start)} -${x.text}-> ${name(x.end)}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'radarr -searches-> prowlarr',
        'qbittorrent -network via-> gluetun',
        'radarr -downloads-> qbittorrent',
      ]),
    );
    expect(edges.some((x) => x.startsWith('plex -reads-> media '))).toBe(true);
    expect(chart.subgraphs.map((s) => s.title)).toEqual(
      expect.arrayContaining(['host ct-docker-01', 'host ct-media-01', 'stack media-downloads']),
    );
  }, 300_000);

  it('attaches a PNG when Chromium is installed, else says why not, and leaks no lab secret', async () => {
    const renderer = await findPngRenderer();
    if ('unavailable' in renderer) expect(result?.content).toContain(`No PNG: ${renderer.unavailable}`);
    else {
      const png = result?.attachments.find((a) => a.filename === 'catalog.png');
      expect(png === undefined ? '' : emu?.attachmentContent(png.id).subarray(0, 8).toString('hex')).toBe(
        '89504e470d0a1a0a',
      );
      expect(result?.content).toContain('Diagram rendered to catalog.png.');
    }
    expect(`${result?.content ?? ''}${attachment('catalog.md')}${attachment('catalog.mmd')}`).not.toContain(
      'lab-secret-',
    );
    expect(emu?.state.violations).toEqual([]);
  });
});
