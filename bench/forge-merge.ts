/**
 * Forge latency: `rounds` (default 10) × (open a PR for a pushed branch, read it, merge it) on the
 * plain-git forge (file:// bare repo) and on the GitHub forge against the GitHub emulator (smart
 * HTTP + real git merges), against a baseline of the same merge done by hand with git (clone,
 * `git merge --no-ff`, push). Also times a burst of `burst` (default 8) concurrent merges of one PR
 * (exactly one may win). NFR-6 budget for a whole Revert: 10 min.
 *
 *   npx tsx bench/forge-merge.ts [rounds] [burst]
 *
 * The emulator shares this process (its git work is async). Prints figures only; no assertions.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitForge } from '../src/forge/git-forge.js';
import { createGitHubForge } from '../src/forge/github-forge.js';
import type { Forge } from '../src/forge/forge.js';
import { runGit } from '../src/git/run-git.js';
import { silentLogger } from '../src/log.js';
import { startGitHubEmulator } from '../lab/emulators/github/github-emulator.js';
import { percentile } from './latency-summary.js';

const author = { GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' };
const rounds = Number(process.argv[2] ?? '10');
const burst = Number(process.argv[3] ?? '8');

/** Pushes a one-file commit on `branch` (from main) and returns its sha. */
async function pushBranch(
  url: string,
  env: Readonly<Record<string, string>>,
  root: string,
  branch: string,
): Promise<string> {
  const dir = await mkdtemp(join(root, 'push-'));
  await runGit(['clone', '--quiet', url, dir], { env });
  await runGit(['checkout', '--quiet', '-b', branch], { cwd: dir });
  await writeFile(join(dir, `${branch.replaceAll('/', '-')}.txt`), `${branch}\n`);
  await runGit(['add', '.'], { cwd: dir });
  await runGit(['commit', '--quiet', '-m', branch], { cwd: dir, env: author });
  await runGit(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], { cwd: dir, env });
  const sha = (await runGit(['rev-parse', 'HEAD'], { cwd: dir })).stdout.trim();
  await rm(dir, { recursive: true, force: true });
  return sha;
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
};

const line = (name: string, ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `${name.padEnd(28)} p50 ${percentile(s, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(s, 95).toFixed(0).padStart(5)} ms  max ${(s.at(-1) ?? 0).toFixed(0).padStart(5)} ms`;
};

async function measure(label: string, forge: Forge, root: string): Promise<number[]> {
  const open: number[] = [],
    read: number[] = [],
    merge: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const sha = await pushBranch(forge.remote.url, forge.remote.env, root, `bench/${label}-${i}`);
    const [pr, o] = await time(() =>
      forge.openPullRequest({ branch: `bench/${label}-${i}`, base: 'main', title: 't', body: 'b', labels: ['bench'] }),
    );
    const [, r] = await time(() => forge.getPullRequest(pr.number));
    const [, m] = await time(() => forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'merge' }));
    open.push(o);
    read.push(r);
    merge.push(m);
  }
  console.log(line(`${label} open`, open));
  console.log(line(`${label} read`, read));
  console.log(line(`${label} merge`, merge));
  const sha = await pushBranch(forge.remote.url, forge.remote.env, root, `bench/${label}-burst`);
  const pr = await forge.openPullRequest({ branch: `bench/${label}-burst`, base: 'main', title: 't', body: 'b' });
  const [results, total] = await time(() =>
    Promise.allSettled(
      Array.from({ length: burst }, () => forge.merge(pr.number, { expectedHeadSha: sha, commitTitle: 'burst' })),
    ),
  );
  const won = results.filter((r) => r.status === 'fulfilled').length;
  console.log(`${label} burst of ${burst} merges: ${total.toFixed(0)} ms, ${won} merged, ${burst - won} refused`);
  return merge;
}

async function baseline(root: string): Promise<number[]> {
  const bare = join(root, 'baseline.git');
  await runGit(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  const seed = await mkdtemp(join(root, 'seed-'));
  await runGit(['init', '--quiet', '--initial-branch=main', seed]);
  await runGit(['commit', '--quiet', '--allow-empty', '-m', 'seed'], { cwd: seed, env: author });
  await runGit(['push', '--quiet', bare, 'HEAD:refs/heads/main'], { cwd: seed });
  const ms: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const sha = await pushBranch(`file://${bare}`, {}, root, `b-${i}`);
    const [, t] = await time(async () => {
      const dir = await mkdtemp(join(root, 'm-'));
      await runGit(['clone', '--quiet', `file://${bare}`, dir]);
      await runGit(['merge', '--quiet', '--no-ff', '-m', 'm', sha], { cwd: dir, env: author });
      await runGit(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], { cwd: dir });
      await rm(dir, { recursive: true, force: true });
    });
    ms.push(t);
  }
  console.log(line('baseline clone+merge+push', ms));
  return ms;
}

const root = await mkdtemp(join(tmpdir(), 'hlb-bench-forge-'));
const emu = await startGitHubEmulator();
try {
  console.log(`forge latency, ${rounds} rounds, load average ${loadavg()[0]?.toFixed(1) ?? '?'}`);
  const base = await baseline(root);
  const bare = join(root, 'apps.git');
  await runGit(['clone', '--quiet', '--bare', emu.bare.path, bare]);
  const git = await measure(
    'git',
    createGitForge({ url: `file://${bare}`, workDir: join(root, 'work'), log: silentLogger() }),
    root,
  );
  const github = await measure(
    'github',
    createGitHubForge({
      owner: emu.owner,
      repo: emu.repo,
      token: emu.token,
      apiUrl: emu.url,
      log: silentLogger(),
      retry: { baseDelayMs: 100 },
    }),
    root,
  );
  const p50 = (ms: number[]) =>
    percentile(
      [...ms].sort((a, b) => a - b),
      50,
    );
  console.log(
    `merge p50 / baseline p50: git ${(p50(git) / p50(base)).toFixed(2)}  github(emulator) ${(p50(github) / p50(base)).toFixed(2)}`,
  );
  console.log(
    `merge p95 / NFR-6 budget (600 000 ms): git ${(
      percentile(
        [...git].sort((a, b) => a - b),
        95,
      ) / 600_000
    ).toExponential(1)}`,
  );
  if (emu.violations.length > 0) console.log(`emulator spec violations: ${emu.violations.join('\n')}`);
} finally {
  await emu.close();
  await rm(root, { recursive: true, force: true });
}
