#!/usr/bin/env node
// Entry point for the `homelab-bot` bin. Runs the compiled build when present (Docker image,
// `npm run build`), otherwise the TypeScript sources through tsx (a development checkout).
import { existsSync } from 'node:fs';

const dist = new URL('../dist/main.js', import.meta.url);
if (existsSync(dist)) {
  await import(dist.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
