import { readFileSync, writeFileSync } from 'node:fs';
import { appConfigSchema, type AppConfig, type AppConfigInput } from '../../src/config/schema.js';
import { e2eProcessors } from '../../src/commands/e2e/e2e-processors.js';
import { wired } from './wired.js';
import { createProducer, type Producer } from '../../src/jobs/queue.js';
import { startWorker, type RunningWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import type { RunRecord } from '../../src/store/run-store.js';
import { createStores, type Stores } from '../../src/store/stores.js';
import type { MediaLab } from '../../lab/emulators/media-lab/media-lab.js';
import { RecordingChat, type RecordedCall } from './core-recording-chat.js';
import { bindJobs, jobSpecs } from '../../src/commands/registry.js';

/** The two stacks every /e2e pipeline test runs against. */
export const labFlavors = [
  { flavor: 'plex', name: 'Plex + Overseerr', requests: 'Overseerr', library: 'Plex' },
  { flavor: 'jellyfin', name: 'Jellyfin + Jellyseerr', requests: 'Jellyseerr', library: 'Jellyfin' },
] as const;

/** The config input of a worker pointed at the media lab; short poll interval and timeouts. */
export function e2eLabConfigInput(lab: MediaLab, redisUrl: string, e2e: Record<string, unknown> = {}): AppConfigInput {
  return {
    redis: { url: redisUrl },
    media: {
      [lab.requestsKey]: { url: lab.overseerr.url, apiKey: lab.overseerr.apiKey },
      radarr: { url: lab.radarr.url, apiKey: lab.radarr.apiKey },
      [lab.libraryKey]: lab.library.config,
      qbittorrent: { url: lab.qbittorrent.url, username: lab.qbittorrent.username, password: lab.qbittorrent.password },
    },
    e2e: {
      tmdbId: 194,
      qualityProfileId: 4,
      rootFolder: lab.rootFolder,
      pollInterval: '150ms',
      cleanup: false,
      timeouts: {
        request: '4s',
        radarrMovie: '4s',
        grab: '4s',
        torrent: '4s',
        download: '6s',
        import: '6s',
        plex: '4s',
        available: '4s',
      },
      ...e2e,
    },
  };
}

export const parseConfig = (input: AppConfigInput): AppConfig => appConfigSchema.parse(input);

const requester = { platform: 'shell' as const, id: 'local', name: 'local' };

/** Stores, producer and a record file: starts `/e2e` runs and reads what the chat saw. */
export class E2eRuns {
  readonly stores: Stores;
  readonly producer: Producer;

  constructor(
    readonly redisUrl: string,
    readonly prefix: string,
    readonly recordFile: string,
    options: { keepRecord?: boolean } = {},
  ) {
    if (options.keepRecord !== true) writeFileSync(recordFile, '');
    this.stores = createStores({ redisUrl, prefix });
    this.producer = createProducer({ redisUrl, prefix: `${prefix}bull`, jobs: jobSpecs });
  }

  /** An in-process worker with the real `/e2e` processor (what the composition root wires). */
  worker(config: AppConfig, options: { concurrency?: number } = {}): RunningWorker {
    return startWorker({
      concurrency: options.concurrency ?? 2,
      redisUrl: this.redisUrl,
      prefix: `${this.prefix}bull`,
      jobs: bindJobs({ ...wired(this.stores), ...e2eProcessors(config) }),
      chats: { shell: new RecordingChat(this.recordFile) },
      ...this.stores,
      log: silentLogger(),
      lockDuration: 2_000,
      stalledInterval: 1_000,
    });
  }

  async start(runId: string, dryRun = false): Promise<void> {
    await this.createRun(runId, '/e2e');
    await this.producer.enqueue(
      'media.e2e',
      { runId, requester, options: dryRun ? { 'dry-run': true } : {} },
      { jobId: runId },
    );
  }

  /** A `/ping` run, to show that a waiting `/e2e` does not hold the worker's only slot. */
  async ping(runId: string): Promise<void> {
    await this.createRun(runId, '/ping');
    await this.producer.enqueue('system.ping', { runId, requester, options: {} }, { jobId: runId });
  }

  private async createRun(runId: string, command: string): Promise<void> {
    const now = new Date().toISOString();
    await this.stores.runStore.create({
      runId,
      jobId: runId,
      platform: 'shell',
      channelId: 'c',
      threadId: `T-${runId}`,
      rootMessageId: 'root',
      statusMessage: { platform: 'shell', channelId: 'c', messageId: `status-${runId}` },
      requester,
      command,
      status: 'queued',
      createdAt: now,
      updatedAt: now,
    });
  }

  async finished(runId: string): Promise<RunRecord | undefined> {
    const run = await this.stores.runStore.get(runId);
    return run?.status === 'succeeded' || run?.status === 'failed' || run?.status === 'refused' ? run : undefined;
  }

  calls(runId: string): RecordedCall[] {
    return readFileSync(this.recordFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RecordedCall)
      .filter((c) => c.threadId === `T-${runId}`);
  }

  async close(): Promise<void> {
    await this.producer.close();
    await this.stores.close();
  }
}

/** Closes/stops what a `beforeAll` managed to start (a failed setup leaves some undefined). */
export async function closeAll(...items: unknown[]): Promise<void> {
  for (const item of items as ({ close?: () => Promise<void>; stop?: () => Promise<void> } | undefined)[]) {
    if (item?.close !== undefined) await item.close();
    else if (item?.stop !== undefined) await item.stop();
  }
}
