import { parseArgs } from 'node:util';
import { startLab, type Lab } from './lab.js';
import { startQbittorrent, type LabQbittorrent } from './qbittorrent.js';
import { stopLab } from './stop-lab.js';

const usage = `usage: npm run lab -- up [--name lab] [--no-stacks] [--qbittorrent] [--extra N]
       npm run lab -- down [--name lab]`;

function describe(lab: Lab, qbt: LabQbittorrent | undefined): string {
  const lines = [`lab "${lab.name}" is up (state dir ${lab.stateDir})`, `redis: ${lab.redisUrl}`];
  for (const h of lab.hosts) {
    lines.push(
      `${h.name} (endpoint ${h.endpoint})`,
      `  ssh: ssh -i ${h.privateKeyPath} -p ${h.sshPort} -o UserKnownHostsFile=${h.knownHostsPath} ${h.sshUser}@${h.sshHost}`,
      `  host key: ${h.hostKeyFingerprint}`,
      `  local docker: DOCKER_HOST=${h.dockerHost}`,
      `  apps checkout: ${h.checkout}`,
    );
  }
  lines.push(`apps repo: ${lab.apps.remote} (working clone ${lab.apps.clone})`);
  if (qbt !== undefined)
    lines.push(`qbittorrent: ${qbt.url} (${qbt.username} / see lab docs for the default password)`);
  return lines.join('\n');
}

async function up(name: string, stacks: boolean, qbittorrent: boolean, extra: number): Promise<void> {
  const started = Date.now();
  const lab = await startLab({ name, stacks, extraContainersPerHost: extra });
  const qbt = qbittorrent ? await startQbittorrent(lab) : undefined;
  console.log(describe(lab, qbt));
  console.log(`started in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C to stop`);
  // Signal listeners alone do not keep the event loop alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  const stopping = Date.now();
  await lab.stop();
  console.log(`stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string', default: 'lab' },
      'no-stacks': { type: 'boolean', default: false },
      qbittorrent: { type: 'boolean', default: false },
      extra: { type: 'string', default: '0' },
    },
  });
  const [command] = positionals;
  if (command === 'up') await up(values.name, !values['no-stacks'], values.qbittorrent, Number(values.extra));
  else if (command === 'down') {
    await stopLab(values.name);
    console.log(`lab "${values.name}" is down`);
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
