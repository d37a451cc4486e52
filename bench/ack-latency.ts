/**
 * Ack latency: 200 concurrent `/ping` slash commands through the Discord emulator into the
 * real adapter + dispatcher + private redis-server. Latency = INTERACTION_CREATE sent → type-5
 * defer callback received. Run: `npx tsx bench/ack-latency.ts [count]`. No assertions.
 */
import { startPrivateRedis } from '../src/store/private-redis.js';
import { startDiscordEmulator } from '../test/emulators/discord/discord-emulator.js';
import { startDiscordBot } from '../test/integration/discord-stack.js';

const targetMs = 100;
const count = Number(process.argv[2] ?? 200);

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main(): Promise<void> {
  const redis = await startPrivateRedis();
  const users = Array.from({ length: count }, (_, n) => ({ id: (130000000000000000n + BigInt(n)).toString(), username: `u${n}`, roleIds: [] }));
  const emu = await startDiscordEmulator({ users });
  const access = { people: users.map((u) => ({ name: u.username, role: 'operator' as const, discordId: u.id })) };
  const bot = await startDiscordBot({ emu, redisUrl: redis.url, prefix: `bench${process.pid}:`, access });
  try {
    await emu.slash(users[0]!.id, 'ping'); // warm-up: JIT, redis connections
    const settled = await Promise.allSettled(users.map((u) => emu.slash(u.id, 'ping')));
    const outcomes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const missed = settled.length - outcomes.length;
    if (missed > 0) console.log(`${missed} of ${count} interactions got no ack within Discord's 3 s window`);
    const sorted = outcomes.map((o) => o.ackMs).sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
    console.log(`ack latency over ${count} concurrent slash commands (defer callback type ${String(outcomes[0]?.callback.type)})`);
    console.log(`p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${sorted.at(-1)?.toFixed(1) ?? '?'} ms`);
    console.log(`p99 / target(${targetMs} ms) = ${(p99 / targetMs).toFixed(2)} ${p99 < targetMs ? '(within target)' : '(over target)'}`);
    if (emu.state.violations.length > 0) console.log(`spec violations: ${emu.state.violations.join('\n')}`);
  } finally {
    await bot.stop();
    await emu.stop();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
