/**
 * Ack latency: `count` (default 200) concurrent `/ping` slash commands from distinct operators
 * into the real DiscordAdapter (discord.js) + dispatcher + producer + private redis-server.
 * The Discord emulator runs in a CHILD process (bench/discord-emulator-child.ts), so the bot's
 * event loop is not shared with it; latency = INTERACTION_CREATE sent → type-5 defer callback
 * received, both timestamps taken in the emulator process.
 *
 *   npx tsx bench/ack-latency.ts [count] [--worker | --ack-only] [--warm N] [--rounds N]
 *
 * The same run first measures a floor: `bench/minimal-acker.ts` (a raw gateway socket and one
 * HTTP POST per interaction, nothing else) answering the same burst on the same emulator; it
 * prints the bot's p99, the floor's p99 and their ratio (goal: ≤ 1.5× at 200 concurrent).
 *
 * `--worker` also runs the BullMQ worker in the bot process (like `homelab-bot start`), so acks
 * compete with job processing; without it the jobs just queue up (like `homelab-bot bot`).
 * Prints figures only; no assertions.
 *
 * Where the ack time goes (profiled 2026-11, 2 shared cores): the adapter now acknowledges from
 * the raw INTERACTION_CREATE packet (src/bot/discord/raw-ack.ts: node:http, ≤ 32 kept-alive
 * sockets) before discord.js builds its Interaction, instead of `deferReply` through
 * @discordjs/rest/undici, which opened one new socket per concurrent ack. Bot CPU per command
 * fell from ~2 ms to ~1.2 ms cold and ~0.75 ms with the socket pool warm (`--warm 32`). Both
 * processes profile mostly idle during a burst: on this shared machine (load average 10-40)
 * the rest of the latency is waiting for a core. Follow-ups (`editReply`, threads, posts)
 * still go through discord.js's 50 req/s global limiter: a 200-command burst needs ≥ 4 s to thread.
 * With the dispatcher on, its Redis and REST work for early commands competed with the acks of
 * later ones (p99 104–146 ms against 55 ms ack-only); the adapter's `AckGate` now holds handler
 * work until the burst's acks are out (capped at 250 ms): p99 77–87 ms at load average ≈ 1.
 *
 * 2026-12: each round line prints p50/p99 of both sides, the bot's GC pauses during its burst and
 * the CPU per command of bot, floor and emulator; the warm-up's follow-ups get 1.5 s to finish
 * before the measured burst. The floor spends ~0.05 ms of CPU per command, the bot ~0.15 ms
 * before two changes: discord.js built every Interaction (users, members, options) in the turn
 * its packet arrived, ahead of the acks of the packets behind it, so the adapter now holds those
 * packets until the burst's acks are out (`holdInteractionPackets`); and the answer-handle sealer
 * made a new AES KeyObject per command. Two more on the intent write: intents went out at the end
 * of the event-loop turn (`setImmediate`), so every ack of a read waited for all other pending
 * reads and responses (bot p50 ≈ its p99); they now go out on the next tick after the read. And
 * the save script is sent once per connection, then EVALSHA. Now ~0.08 ms per command against
 * the floor's ~0.045; median ratio 1.19–1.25× over 9 rounds (was 1.5–1.9×), with single rounds
 * still over 1.5× when a GC pause lands in the bot's burst (see "GC bot"). With `--worker` the
 * previous round's jobs run in this process while the floor is measured: that mode's floor is noisy.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { InboundHandler } from '../src/bot/inbound.js';
import { DiscordAdapter } from '../src/bot/discord/discord-adapter.js';
import { createDispatcher } from '../src/bot/dispatch.js';
import { bindJobs, jobSpecs, registry } from '../src/commands/registry.js';
import { wired } from '../test/integration/wired.js';
import { createProducer } from '../src/jobs/queue.js';
import { startWorker } from '../src/jobs/worker.js';
import { silentLogger } from '../src/log.js';
import { startPrivateRedis } from '../src/store/private-redis.js';
import { createStores } from '../src/store/stores.js';
import type { BurstResult, ReadyMessage } from './discord-emulator-child.js';
import { percentile, summarize } from './latency-summary.js';
import { startMinimalAcker } from './minimal-acker.js';

const targetMs = 100;
/** Quiet time after the warm-up burst, so its follow-up REST calls are not measured with the burst. */
const settleMs = 1_500;
const args = process.argv.slice(2);
const count = Number(
  args.find((a, n) => /^\d+$/.test(a) && !['--warm', '--rounds'].includes(args[n - 1] ?? '')) ?? 200,
);
const withWorker = args.includes('--worker');
// `--warm N`: the warm-up burst (default 1). N ≥ 32 leaves the ack socket pool
// (defaultAckSockets) kept alive, as after earlier traffic; 1 measures mostly cold sockets.
const warmArg = args.indexOf('--warm');
const warm = warmArg === -1 ? 1 : Number(args[warmArg + 1]);
// `--rounds N` (default 9): floor and bot bursts alternate; the median round (by ratio) is reported.
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg === -1 ? 9 : Number(args[roundsArg + 1]);
// Diagnostic: acknowledge only (a handler that does nothing), to separate the cost of the ack
// path (discord.js, REST, emulator) from the dispatcher's Redis/REST work competing with it.
const ackOnly = args.includes('--ack-only');
const noopHandler: InboundHandler = {
  received: () => Promise.resolve(),
  abandoned: () => Promise.resolve(),
  onCommand: () => Promise.resolve(),
  onAction: () => Promise.resolve(),
};

// BENCH_PROFILE_BOT=<dir>: a CPU profile of the bot process during each measured burst (nothing else).
const profileDir = process.env['BENCH_PROFILE_BOT'];

async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      session.post(method, (error, result) => {
        if (error === null) resolve(result);
        else reject(error);
      });
    });
  await post('Profiler.enable');
  await new Promise<void>((resolve, reject) => {
    session.post('Profiler.setSamplingInterval', { interval: 50 }, (error) => {
      if (error === null) resolve();
      else reject(error);
    });
  });
  await post('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      await writeFile(file, JSON.stringify(profile));
    },
  };
}

function startEmulatorChild(users: number): Promise<{ child: ChildProcess; ready: ReadyMessage }> {
  const script = fileURLToPath(new URL('./discord-emulator-child.ts', import.meta.url));
  // BENCH_PROFILE_CHILD=<dir> writes a CPU profile of the emulator process there.
  const profile = process.env['BENCH_PROFILE_CHILD'];
  const execArgv = ['--import', 'tsx', ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`])];
  const child = fork(script, [String(users)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: ReadyMessage) => {
      resolve({ child, ready: m });
    });
    child.once('exit', (code) => {
      reject(new Error(`emulator child exited (${String(code)})`));
    });
  });
}

const burst = (child: ChildProcess, userIds: readonly string[]): Promise<BurstResult> =>
  new Promise((resolve) => {
    child.once('message', (m: BurstResult) => {
      resolve(m);
    });
    child.send({ op: 'burst', userIds });
  });

/** The floor: the same bursts answered by `startMinimalAcker` alone (p99 of its acks). */
async function measureFloor(
  child: ChildProcess,
  ready: ReadyMessage,
  users: readonly string[],
): Promise<{ floor: BurstResult; floorCpuMs: number }> {
  const acker = await startMinimalAcker(ready.apiUrl, ready.token);
  try {
    await burst(child, users.slice(count, count + warm));
    const cpu = process.cpuUsage();
    const floor = await burst(child, users.slice(0, count));
    const used = process.cpuUsage(cpu);
    return { floor, floorCpuMs: (used.user + used.system) / 1000 };
  } finally {
    await acker.stop();
  }
}

const p99Of = (r: BurstResult): number =>
  percentile(
    [...r.ackMs].sort((a, b) => a - b),
    99,
  );

const p50Of = (r: BurstResult): number =>
  percentile(
    [...r.ackMs].sort((a, b) => a - b),
    50,
  );

/** Garbage collection pauses of this process (bot or floor) while a burst is measured. */
function gcWatch(): { stop(): number } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ms += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      observer.disconnect();
      return ms;
    },
  };
}

interface Round {
  readonly bot: BurstResult;
  readonly floor: BurstResult;
  readonly botCpuMs: number;
  readonly floorCpuMs: number;
  readonly botGcMs: number;
}

async function main(): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const redis = await startPrivateRedis();
  // Every interaction is a fresh one: each round takes its own users, for the floor and the bot.
  const perRound = 2 * (count + warm);
  const { child, ready: all } = await startEmulatorChild(rounds * perRound);
  const log = silentLogger();
  const prefix = `bench${process.pid}:`;
  const access = {
    people: all.userIds.map((id, n) => ({ name: `u${n}`, role: 'operator' as const, discordId: id })),
  };
  // `stop()` after each round waits for that round's handlers (threads, lines: about 12 s through
  // discord.js's 50 req/s limit), so no round measures the follow-ups of the one before.
  const adapter = new DiscordAdapter({ token: all.token, apiUrl: all.apiUrl, logger: log, stopWaitMs: 120_000 });
  const stores = createStores({ redisUrl: redis.url, prefix });
  const producer = createProducer({ redisUrl: redis.url, prefix: `${prefix}bull`, jobs: jobSpecs });
  const worker = withWorker
    ? startWorker({
        redisUrl: redis.url,
        prefix: `${prefix}bull`,
        jobs: bindJobs(wired(stores)),
        chats: { discord: adapter },
        ...stores,
        log,
      })
    : undefined;
  const handler = ackOnly
    ? noopHandler
    : createDispatcher({
        registry,
        chats: { discord: adapter },
        access,
        ...stores,
        producer,
        log,
        clock: () => new Date(),
      });
  const results: Round[] = [];
  try {
    // Floor and bot take turns, round by round, so a change of the machine's load hits both.
    for (let r = 0; r < rounds; r++) {
      const users = all.userIds.slice(r * perRound, (r + 1) * perRound);
      const { floor, floorCpuMs } = await measureFloor(child, all, users.slice(count + warm));
      await adapter.start(handler);
      try {
        await burst(child, users.slice(count, count + warm)); // warm-up: JIT, redis and HTTP connections
        // The warm-up's follow-ups (reply, thread, lines: a few REST calls) finish before the measured burst.
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        const cpu = process.cpuUsage();
        const gc = gcWatch();
        const profiling = profileDir === undefined ? undefined : await startProfile();
        const bot = await burst(child, users.slice(0, count));
        const used = process.cpuUsage(cpu);
        const botGcMs = gc.stop();
        if (profiling !== undefined && profileDir !== undefined)
          await profiling.stop(join(profileDir, `bot-round-${String(r + 1)}.cpuprofile`));
        results.push({ bot, floor, botCpuMs: (used.user + used.system) / 1000, floorCpuMs, botGcMs });
      } finally {
        await adapter.stop();
      }
    }
    report(results, load);
  } finally {
    await worker?.close();
    await producer.close();
    await stores.close();
    child.send({ op: 'stop' });
    await redis.stop();
  }
}

function report(results: readonly Round[], load: string): void {
  const mode = ackOnly
    ? 'dispatcher OFF (ack only)'
    : `worker ${withWorker ? 'ON (in the bot process)' : 'OFF (jobs queue up)'}`;
  console.log(
    `load average at start (1/5/15 min): ${load} on this machine; ${mode}; warm-up burst ${String(warm)}; ${String(rounds)} rounds`,
  );
  results.forEach((r, n) => {
    const [bot99, floor99] = [p99Of(r.bot), p99Of(r.floor)];
    console.log(
      `round ${String(n + 1)}: bot p50 ${p50Of(r.bot).toFixed(1)} p99 ${bot99.toFixed(1)} ms · floor p50 ${p50Of(r.floor).toFixed(1)} p99 ${floor99.toFixed(1)} ms · ratio ${(bot99 / floor99).toFixed(2)}× · ` +
        `GC bot ${r.botGcMs.toFixed(1)} ms · CPU bot ${(r.botCpuMs / count).toFixed(2)} ms/command, floor ${(r.floorCpuMs / count).toFixed(2)}, emulator ${(r.bot.emulatorCpuMs / count).toFixed(2)} ms/command`,
    );
  });
  const middle = results.map((r) => ({ r, ratio: p99Of(r.bot) / p99Of(r.floor) })).sort((a, b) => a.ratio - b.ratio)[
    Math.floor(results.length / 2)
  ];
  if (middle === undefined) return;
  console.log(`median round (by ratio):\n${summarize(middle.r.bot, count, targetMs).join('\n')}`);
  const [bot99, floor99] = [p99Of(middle.r.bot), p99Of(middle.r.floor)];
  console.log(
    `floor (minimal raw acker, same emulator, same ${String(count)} concurrent commands): p99 ${floor99.toFixed(1)} ms`,
  );
  console.log(
    `bot p99 ${bot99.toFixed(1)} ms / floor p99 ${floor99.toFixed(1)} ms = ${middle.ratio.toFixed(2)}× (median of ${String(results.length)} rounds) ${middle.ratio <= 1.5 ? '(within the 1.5× goal)' : '(over the 1.5× goal)'}`,
  );
  // CPU time is what the machine's load cannot inflate: the cost per command of each side.
  console.log(
    `CPU during the burst: bot ${middle.r.botCpuMs.toFixed(0)} ms (${(middle.r.botCpuMs / count).toFixed(2)} ms/command), emulator ${middle.r.bot.emulatorCpuMs.toFixed(0)} ms (${(middle.r.bot.emulatorCpuMs / count).toFixed(2)} ms/command)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
