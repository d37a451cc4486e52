/**
 * The demo's keeper: started (under the shell's process owner) before the lab, it waits; on
 * SIGTERM, SIGINT or SIGHUP — which its supervisor sends when the shell is gone, however it ended,
 * SIGKILL included — it stops lab `argv[2]` (every process, mount and the state dir) and exits.
 * Usage: node --import tsx lab/demo/demo-keeper.ts <lab name>
 */
import { stopLab } from '../stop-lab.js';

const name = process.argv[2];
if (name === undefined) {
  console.error('usage: demo-keeper.ts <lab name>');
  process.exit(2);
}
// Signal listeners alone do not keep the event loop alive.
const keepAlive = setInterval(() => undefined, 60_000);
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  stopLab(name).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`demo keeper: stopping lab ${name} failed: ${String(error)}`);
      process.exit(1);
    },
  );
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, stop);
