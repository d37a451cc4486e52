// A bot process for delivery-sigkill.test.ts and delivery-slack-sigkill.test.ts: env REDIS_URL, PREFIX,
// OPERATOR_ID, PAUSE_AT (a DispatchStep) and PLATFORM (`discord`, the default: API_URL, TOKEN; `slack`:
// SLACK_API_URL, BOT_TOKEN, SIGNING_SECRET, PORT for the HTTP receiver). At that step it prints
// `paused <runId>` and waits forever (to be SIGKILLed).
import { DiscordAdapter } from '../../src/bot/discord/discord-adapter.js';
import { createDispatcher } from '../../src/bot/dispatch.js';
import type { ChatAdapter } from '../../src/bot/inbound.js';
import { SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { hasSubcommands, jobSpecs, registry } from '../../src/commands/registry.js';
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
const slack = process.env['PLATFORM'] === 'slack';
const log = createLogger({ level: 'warn', name: 'delivery-bot-child' });
const stores = createStores({ redisUrl, prefix });
const producer = createProducer({ redisUrl, prefix: `${prefix}bull`, jobs: jobSpecs });
const adapter: ChatAdapter = slack
  ? new SlackAdapter(
      {
        botToken: env('BOT_TOKEN'),
        signingSecret: env('SIGNING_SECRET'),
        mode: 'http',
        port: Number(env('PORT')),
        host: '127.0.0.1',
        apiUrl: env('SLACK_API_URL'),
        retries: 0,
      },
      { logger: log, hasSubcommands: (c) => hasSubcommands(registry, c) },
    )
  : new DiscordAdapter({ token: env('TOKEN'), apiUrl: env('API_URL'), logger: log });
const operator = slack ? { slackId: env('OPERATOR_ID') } : { discordId: env('OPERATOR_ID') };
await adapter.start(
  createDispatcher({
    registry,
    chats: { [adapter.platform]: adapter },
    access: { people: [{ name: 'alice', role: 'operator', ...operator }] },
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
