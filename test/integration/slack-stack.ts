import { startDispatching } from './core-harness.js';
import type { AccessConfig } from '../../src/bot/authorize.js';
import type { DispatchDeps } from '../../src/bot/dispatch-deps.js';
import { SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { SlackChat } from '../../src/bot/slack/slack-chat.js';
import { createSlackWebClient } from '../../src/bot/slack/slack-web-client.js';
import { bindJobs, hasSubcommands, registry } from '../../src/commands/registry.js';
import { wired } from './wired.js';
import { startWorker } from '../../src/jobs/worker.js';
import { silentLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';
import type { SlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';

export interface SlackStackOptions {
  readonly fake: SlackEmulator;
  readonly botToken: string;
  readonly signingSecret: string;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly access: AccessConfig;
  /** Allowed workspace and channels; unrestricted when absent. */
  readonly places?: DispatchDeps['places'];
}

/** The bot process: Bolt HTTP receiver + real dispatcher + producer + stores (no worker). */
export async function startSlackBot(o: SlackStackOptions): Promise<{ adapter: SlackAdapter; stop(): Promise<void> }> {
  const log = silentLogger();
  const adapter = new SlackAdapter(
    {
      botToken: o.botToken,
      signingSecret: o.signingSecret,
      mode: 'http',
      port: 0,
      host: '127.0.0.1',
      apiUrl: o.fake.apiUrl,
      retries: 0,
    },
    { logger: log, hasSubcommands: (c) => hasSubcommands(registry, c) },
  );
  const stop = await startDispatching(adapter, o);
  o.fake.setBotUrl(`http://127.0.0.1:${adapter.httpPort ?? 0}/slack/events`);
  return { adapter, stop };
}

/** The worker process: BullMQ worker posting through `SlackChat` (Web API only, no receiver). */
export function startSlackWorker(o: SlackStackOptions): { stop(): Promise<void> } {
  const log = silentLogger();
  const stores = createStores({ redisUrl: o.redisUrl, prefix: o.prefix });
  const chat = new SlackChat(
    createSlackWebClient({ botToken: o.botToken, apiUrl: o.fake.apiUrl, retries: 0 }, log),
    log,
  );
  const worker = startWorker({
    redisUrl: o.redisUrl,
    prefix: `${o.prefix}bull`,
    jobs: bindJobs(wired(stores)),
    chats: { slack: chat },
    ...stores,
    log,
  });
  return {
    stop: async () => {
      await worker.close();
      await stores.close();
    },
  };
}
