import { loadConfig } from '../config/load-config.js';
import { UserError } from '../errors.js';
import { defineCliCommand, type CliCommand, type CliContext } from './cli-command.js';
import { loadDemoLauncher, type DemoHomelab, type DemoLauncher } from './demo-launcher.js';
import { exitCodes, type ExitCode } from './exit-codes.js';
import { openShell } from './open-shell.js';
import { runOwned, type OwnedScope } from './owned-run.js';

/** The demo's lab name (state in `/tmp/hlb-lab/homelab-demo`); test labs use other names. */
export const demoLabName = 'homelab-demo';

/** A keeper gets this long to stop the lab after the shell is gone, before its supervisor kills it. */
const keeperGraceMs = 120_000;

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** When the run command started: `scripts/run.sh` passes its own start time, else this process's. */
function startedAt(env: NodeJS.ProcessEnv): number {
  const fromScript = Number(env['HLB_RUN_STARTED_MS']);
  return Number.isFinite(fromScript) && fromScript > 0 ? fromScript : Date.now() - process.uptime() * 1000;
}

function describe(demo: DemoHomelab): string[] {
  const parts = demo.parts.map(
    (p) => `  ${p.started ? '✅' : '⚠️ '} ${p.name}: ${p.started ? '' : 'not started — '}${p.detail}`,
  );
  return [
    `Demo homelab "${demo.labName}" (config ${demo.configPath}):`,
    ...parts,
    'Try:',
    ...demo.tryLines.map((l) => `  ${l}`),
  ];
}

/** Starts the demo, or returns undefined when a stop signal came first (the started part is stopped). */
async function startDemo(launcher: DemoLauncher, scope: OwnedScope, say: (line: string) => void) {
  const starting = launcher.start({ name: demoLabName, progress: say });
  const first = await Promise.race([starting, scope.stopped.then(() => undefined)]);
  if (first !== undefined) return first;
  say('Interrupted while starting: stopping what the demo started…');
  await starting.then((demo) => demo.stop()).catch(() => undefined);
  return undefined;
}

async function runDemo(ctx: CliContext, scope: OwnedScope): Promise<ExitCode> {
  const begun = startedAt(ctx.env);
  const say = (line: string): void => {
    ctx.stdout.write(`${line}\n`);
  };
  const launcher = await loadDemoLauncher();
  const other = await launcher.runningKeeper(demoLabName);
  if (other !== undefined) {
    throw new UserError(
      'already-running',
      `A demo homelab is already running on this machine (its keeper is pid ${String(other)}): leave it first ` +
        '(quit in its shell), or use the shell that is open there.',
    );
  }
  say('homelab-bot demo: a local demo homelab — quit, Ctrl-D or Ctrl-C twice leave it and stop everything it started.');
  // First the keeper: should this process die in any way, its supervisor has the keeper stop the lab.
  const keeper = launcher.keeper(demoLabName);
  const keeperChild = scope.owner.spawn(keeper.command, keeper.args, { graceMs: keeperGraceMs });
  keeperChild.stdout.resume();
  keeperChild.stderr.pipe(ctx.stderr, { end: false });
  let demo: DemoHomelab | undefined;
  try {
    demo = await startDemo(launcher, scope, say);
  } catch (error) {
    ctx.stderr.write(`The demo homelab could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.failure;
  }
  if (demo === undefined) return exitCodes.ok;
  for (const line of describe(demo)) say(line);
  const config = await loadConfig({ path: demo.configPath, env: ctx.env });
  const previousCache = process.env['HLB_CACHE_DIR'];
  process.env['HLB_CACHE_DIR'] = demo.cacheDir;
  try {
    await openShell({ ...ctx, configPath: demo.configPath }, config, scope, {
      redisUrl: demo.redisUrl,
      onReady: () => {
        say(`Demo ready in ${seconds(Date.now() - begun)} s (from the command to this prompt).`);
      },
    });
  } finally {
    if (previousCache === undefined) delete process.env['HLB_CACHE_DIR'];
    else process.env['HLB_CACHE_DIR'] = previousCache;
    say('Stopping the demo homelab…');
  }
  const stopping = Date.now();
  try {
    await demo.stop();
  } catch (error) {
    ctx.stderr.write(`The demo did not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.failure;
  }
  say(`Demo stopped in ${seconds(Date.now() - stopping)} s: no daemon, container, mount or temp dir of it is left.`);
  return exitCodes.ok;
}

/** `homelab-bot demo`: the demo homelab and the shell against it, as the operator. */
export const demoCommand: CliCommand = defineCliCommand({
  path: ['demo'],
  summary: 'a local demo homelab (Docker hosts over SSH, a compose repo, media services) and the shell against it',
  details:
    'Needs a source checkout (the lab/ folder, npm ci) and root for the Docker hosts; parts this machine cannot ' +
    'run are left out with the reason. quit or Ctrl-C twice stops everything the demo started.',
  options: {},
  run: (ctx) => runOwned((scope) => runDemo(ctx, scope)),
});
