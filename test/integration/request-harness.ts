import type { ChatPort, Platform } from '../../src/chat/chat-port.js';
import type { Person } from '../../src/config/schema.js';
import { createOverseerrClient } from '../../src/media/overseerr-client.js';
import { requestFlowProcessors } from '../../src/commands/requests/media-request-processors.js';
import { wired } from './wired.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import type { OverseerrEmulator } from '../../lab/emulators/overseerr/overseerr-emulator.js';
import { bindJobs } from '../../src/commands/registry.js';

/** The request servers every request/notice test runs against: Overseerr and its fork Jellyseerr. */
export const requestFlavors = [
  { flavor: 'overseerr', name: 'Overseerr' },
  { flavor: 'jellyseerr', name: 'Jellyseerr' },
] as const;

/** Overseerr users of the emulator seed (overseerr-seed.ts). */
export const overseerrUsers = { fran: 2, sam: 3, quinn: 4 } as const;

export interface RequestWorkerOptions {
  readonly overseerr: OverseerrEmulator;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly people: readonly Person[];
  readonly chats: Partial<Record<Platform, ChatPort>>;
  readonly requestsPerHour?: number;
}

/**
 * The worker process with the real `/request` processors wired to the Overseerr emulator (what the
 * composition root does with `mediaRequestProcessors(config, stores)`).
 */
export function startRequestWorker(o: RequestWorkerOptions): { stores: Stores; stop(): Promise<void> } {
  const log = silentLogger();
  const stores = createStores({ redisUrl: o.redisUrl, prefix: o.prefix });
  const overseerr = createOverseerrClient({
    url: o.overseerr.url,
    apiKey: o.overseerr.apiKey,
    timeoutMs: 5_000,
    flavor: o.overseerr.flavor,
  });
  const flow = requestFlowProcessors({
    overseerr,
    people: o.people,
    slots: stores.dedupeStore,
    subscriptions: stores.subscriptionStore,
    requestsPerHour: o.requestsPerHour ?? 10,
  });
  const worker = startWorker({
    redisUrl: o.redisUrl,
    prefix: `${o.prefix}bull`,
    jobs: bindJobs({ ...wired(stores), ...flow }),
    chats: o.chats,
    ...stores,
    log,
  });
  return {
    stores,
    stop: async () => {
      await worker.close();
      await stores.close();
    },
  };
}

/** POST /request calls the emulator answered, with the acting user header. */
export const requestPosts = (emu: OverseerrEmulator) =>
  emu.log.filter((c) => c.method === 'POST' && c.rawUrl === '/api/v1/request');
