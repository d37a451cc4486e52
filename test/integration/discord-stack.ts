import { startDispatching } from './core-harness.js';
import { DiscordAdapter } from '../../src/bot/discord/discord-adapter.js';
import { DiscordChat } from '../../src/bot/discord/discord-chat.js';
import type { AccessConfig } from '../../src/bot/authorize.js';
import type { DispatchDeps } from '../../src/bot/dispatch-deps.js';
import { wired } from './wired.js';
import { startWorker, type RunningWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';
import type { DiscordEmulator } from '../../lab/emulators/discord/discord-emulator.js';
import { bindJobs } from '../../src/commands/registry.js';

export interface StackOptions {
  readonly emu: DiscordEmulator;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly access: AccessConfig;
  /** The dispatcher's refused-click hook (audit trail), when a test wants it. */
  readonly onActionRefused?: DispatchDeps['onActionRefused'];
  /** Allowed guild and channels (config `chat.discord.allowedChannelIds`); unrestricted when absent. */
  readonly places?: DispatchDeps['places'];
}

/** The bot process: gateway adapter + real dispatcher + producer + stores (no worker). */
export async function startDiscordBot(o: StackOptions): Promise<{ adapter: DiscordAdapter; stop(): Promise<void> }> {
  const adapter = new DiscordAdapter({ token: o.emu.token, apiUrl: o.emu.apiUrl, logger: silentLogger() });
  return { adapter, stop: await startDispatching(adapter, o) };
}

/** The worker process: BullMQ worker posting through `DiscordChat` (REST only, no gateway). */
export function startDiscordWorker(o: StackOptions): { worker: RunningWorker; stop(): Promise<void> } {
  const log = silentLogger();
  const stores = createStores({ redisUrl: o.redisUrl, prefix: o.prefix });
  const chat = new DiscordChat({ token: o.emu.token, apiUrl: o.emu.apiUrl, logger: log });
  const worker = startWorker({
    redisUrl: o.redisUrl,
    prefix: `${o.prefix}bull`,
    jobs: bindJobs(wired(stores)),
    chats: { discord: chat },
    ...stores,
    log,
    orphanSweepMs: 1_000,
  });
  return {
    worker,
    stop: async () => {
      await worker.close();
      await stores.close();
    },
  };
}
