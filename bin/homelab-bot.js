#!/usr/bin/env node
// Entry point for the `homelab-bot` bin. Runs the compiled build (the Docker image, `npm run build`)
// only when it is at least as new as the TypeScript sources next to it; otherwise the sources through
// tsx, so a checkout never runs a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/main.js', root);
const src = fileURLToPath(new URL('src/', root));

/** Newest modification time of the files the build is made from (sources, package and tsconfig files). */
function newestSource() {
  let newest = 0;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  for (const name of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    const file = fileURLToPath(new URL(name, root));
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

const buildIsCurrent = existsSync(dist) && (!existsSync(src) || statSync(dist).mtimeMs >= newestSource());
if (buildIsCurrent) {
  await import(dist.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'homelab-bot: dist/ is older than src/ (or missing) and tsx is not installed: run `npm ci && npm run build`.\n',
    );
    process.exit(2);
  }
  register();
  await import(new URL('src/main.ts', root).href);
}
