/**
 * The Discord emulator in its own process, so its event loop (gateway frames, REST parsing,
 * timestamps) is not shared with the bot under measurement. Controlled over the Node IPC
 * channel (`process.send`): the parent sends `{ op: 'burst', userIds }` / `{ op: 'stop' }`.
 * Latencies are taken here: INTERACTION_CREATE sent → callback received, both in this process.
 * Started by bench/ack-latency.ts; argv[2] is the number of users to create.
 */
import { startDiscordEmulator } from '../lab/emulators/discord/discord-emulator.js';

/** What the child reports back for one burst. */
export interface BurstResult {
  readonly op: 'burst-result';
  readonly ackMs: number[];
  readonly callbackTypes: number[];
  readonly failures: string[];
  readonly violations: string[];
  /** CPU time (user + system) this emulator process spent during the burst. */
  readonly emulatorCpuMs: number;
}

/** Sent once the emulator listens. */
export interface ReadyMessage {
  readonly op: 'ready';
  readonly apiUrl: string;
  readonly token: string;
  readonly userIds: string[];
}

type Command = { op: 'burst'; userIds: string[] } | { op: 'stop' };

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const send = (message: BurstResult | ReadyMessage): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const users = Array.from({ length: count }, (_, n) => ({
    id: (130000000000000000n + BigInt(n)).toString(),
    username: `u${n}`,
    roleIds: [],
  }));
  const emu = await startDiscordEmulator({ users });
  process.on('message', (raw: Command) => {
    if (raw.op === 'stop') {
      void emu.stop().then(() => {
        process.disconnect();
      });
      return;
    }
    void (async () => {
      const cpu = process.cpuUsage();
      const settled = await Promise.allSettled(raw.userIds.map((id) => emu.slash(id, 'ping')));
      const ok = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failures = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      send({
        op: 'burst-result',
        ackMs: ok.map((o) => o.ackMs),
        callbackTypes: ok.map((o) => o.callback.type),
        failures,
        violations: [...emu.state.violations],
        emulatorCpuMs: cpuMs(process.cpuUsage(cpu)),
      });
    })();
  });
  send({ op: 'ready', apiUrl: emu.apiUrl, token: emu.token, userIds: users.map((u) => u.id) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
