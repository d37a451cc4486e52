import { fileURLToPath } from 'node:url';
import type { DemoLauncher } from '../../src/cli/demo-launcher.js';
import { startDemo } from './start-demo.js';

/** What `homelab-bot demo` loads from the checkout (see src/cli/demo-launcher.ts). */
export const demoLauncher: DemoLauncher = {
  keeper: (name) => ({
    command: process.execPath,
    args: ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('./demo-keeper.ts', import.meta.url)), name],
  }),
  start: startDemo,
};
