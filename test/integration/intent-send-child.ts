/**
 * Sends one intent and SIGKILLs itself as soon as `send` says the write already left
 * the process (used by intent-store.test.ts): the intent must still reach Redis.
 * Env: REDIS_URL, PREFIX, RUN_ID. Exits 3 when `written` was false (nothing proven).
 */
import { Redis } from 'ioredis';
import { createIntentStore } from '../../src/store/intent-store.js';

const redis = new Redis(process.env['REDIS_URL'] ?? '');
await redis.ping();
const store = createIntentStore(redis, process.env['PREFIX']);
const runId = process.env['RUN_ID'] ?? '';
const { written } = store.send({ runId, command: { ping: true }, receivedAt: new Date().toISOString() });
if (await written) process.kill(process.pid, 'SIGKILL');
process.exit(3);
