// A worker process for e2e-pipeline-sigkill.test.ts: env REDIS_URL, PREFIX, RECORD_FILE, CONFIG_JSON.
import type { AppConfigInput } from '../../src/config/schema.js';
import { installShutdown } from '../../src/jobs/shutdown.js';
import { createLogger } from '../../src/log.js';
import { E2eRuns, parseConfig } from './e2e-pipeline-harness.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const config = parseConfig(JSON.parse(env('CONFIG_JSON')) as AppConfigInput);
const runs = new E2eRuns(env('REDIS_URL'), env('PREFIX'), env('RECORD_FILE'), { keepRecord: true });
const worker = runs.worker(config, { concurrency: 1 });
installShutdown([worker, runs], createLogger({ level: 'warn', name: 'e2e-worker-child' }), (code) => {
  process.exit(code);
});
process.stdout.write('ready\n');
