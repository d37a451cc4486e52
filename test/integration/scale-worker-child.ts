// One of several worker processes for scale-workers.test.ts: env REDIS_URL, PREFIX, RECORD_FILE, TICK_FILE.
import { appendFileSync } from 'node:fs';
import { wired } from './wired.js';
import { bindJobs } from '../../src/commands/registry.js';
import { schedulesSchema } from '../../src/config/schedules-schema.js';
import { startSchedules } from '../../src/jobs/schedules.js';
import { installShutdown } from '../../src/jobs/shutdown.js';
import { startWorker } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';
import { RecordingChat } from './core-recording-chat.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const redisUrl = env('REDIS_URL');
const prefix = env('PREFIX');
const log = createLogger({ level: 'warn', name: 'scale-worker-child' });
const stores = createStores({ redisUrl, prefix });
const chat = new RecordingChat(env('RECORD_FILE'));
// The scheduled task notes each run (with this pid) and finds nothing, so it never posts.
const tick = {
  kind: 'health',
  title: 'Scheduled tick',
  when: schedulesSchema.parse({ health: { every: '2s' } }).health!,
  run: () => {
    appendFileSync(env('TICK_FILE'), `${JSON.stringify({ pid: process.pid, at: Date.now() })}\n`);
    return Promise.resolve({ report: { title: 'tick', status: 'ok' as const, summary: 'tick' }, findings: [] });
  },
};
const schedules = startSchedules({
  redisUrl,
  prefix: `${prefix}bull`,
  keyPrefix: prefix,
  tasks: [tick],
  chats: { shell: chat },
  targets: [],
  runStore: stores.runStore,
  log,
});
await schedules.reconcile();
const worker = startWorker({
  redisUrl,
  prefix: `${prefix}bull`,
  jobs: bindJobs(wired(stores)),
  chats: { shell: chat },
  ...stores,
  log,
  lockDuration: 2_000,
  stalledInterval: 1_000,
  extraHandlers: schedules.handlers,
});
installShutdown([worker, schedules, stores], log, (code) => {
  process.exit(code);
});
process.stdout.write('ready\n');
