// A worker process for core-sigkill.test.ts: env REDIS_URL, PREFIX, RECORD_FILE, SHUTDOWN_DEADLINE_MS (optional).
import { wired } from './wired.js';
import { defaultShutdownDeadlineMs, installShutdown } from '../../src/jobs/shutdown.js';
import { startWorker } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/log.js';
import { createStores } from '../../src/store/stores.js';
import { RecordingChat } from './core-recording-chat.js';
import { bindJobs } from '../../src/commands/registry.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const redisUrl = env('REDIS_URL');
const prefix = env('PREFIX');
const log = createLogger({ level: 'warn', name: 'core-worker-child' });
const stores = createStores({ redisUrl, prefix });
const worker = startWorker({
  redisUrl,
  prefix: `${prefix}bull`,
  jobs: bindJobs(wired(stores)),
  chats: { shell: new RecordingChat(env('RECORD_FILE')) },
  ...stores,
  log,
  lockDuration: 2_000,
  stalledInterval: 1_000,
});
installShutdown(
  [worker, stores],
  log,
  (code) => {
    process.exit(code);
  },
  Number(process.env['SHUTDOWN_DEADLINE_MS'] ?? defaultShutdownDeadlineMs),
);
process.stdout.write('ready\n');
