// A Discord bot process for delivery-sigkill.test.ts: env REDIS_URL, PREFIX, API_URL, TOKEN, OPERATOR_ID,
// PAUSE_AT (a DispatchStep). At that step it prints `paused <runId>` and waits forever (to be SIGKILLed).
import { DiscordAdapter } from '../../src/bot/discord/discord-adapter.js';
import { createDispatcher } from '../../src/bot/dispatch.js';
import { jobSpecs, registry } from '../../src/commands/registry.js';
import { createProducer } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const redisUrl = env('REDIS_URL');
const prefix = env('PREFIX');
const pauseAt = env('PAUSE_AT');
const log = createLogger({ level: 'warn', name: 'delivery-bot-child' });
const stores = createStores({ redisUrl, prefix });
const producer = createProducer({ redisUrl, prefix: `${prefix}bull`, jobs: jobSpecs });
const adapter = new DiscordAdapter({ token: env('TOKEN'), apiUrl: env('API_URL'), logger: log });
await adapter.start(
  createDispatcher({
    registry,
    chats: { discord: adapter },
    access: { people: [{ name: 'alice', role: 'operator', discordId: env('OPERATOR_ID') }] },
    ...stores,
    producer,
    log,
    clock: () => new Date(),
    step: async (step, runId) => {
      if (step !== pauseAt) return;
      process.stdout.write(`paused ${runId}\n`);
      await new Promise(() => undefined);
    },
  }),
);
process.stdout.write('ready\n');
