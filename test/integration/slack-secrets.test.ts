import { describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { createLogger } from '../../src/log.js';
import { demoHandler } from '../../lab/emulators/slack/demo-handler.js';
import { startSlackEmulator } from '../../lab/emulators/slack/slack-emulator.js';

const secrets = {
  botToken: 'xoxb-SECRET-bot-token-4242',
  signingSecret: 'SECRET-signing-9191',
  appToken: 'xapp-SECRET-app-7373',
};

describe('Slack adapter logging', () => {
  it('never writes the bot token, app token or signing secret, even at debug level', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { level: 'debug' },
      {
        write: (line: string) => {
          lines.push(line);
        },
      },
    );
    const fake = await startSlackEmulator(secrets);
    for (const mode of ['http', 'socket'] as const) {
      const adapter = new SlackAdapter(
        { ...secrets, mode, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, retries: 0 },
        { logger, hasSubcommands: (c) => c === 'drift' },
      );
      const handler = demoHandler(adapter, () => {
        fake.store.changed();
      });
      await adapter.start(handler);
      fake.setBotUrl(mode === 'http' ? `http://127.0.0.1:${adapter.httpPort ?? 0}/slack/events` : undefined);
      await fake.slash('U0ALICE01', '/drift', 'audit host:x');
      const result = await fake.waitFor(() => handler.results[0], 10_000, 'result');
      await fake.clickButton(result.messageId, 'act:open-pr-1', undefined, 'U0ALICE01');
      await fake.slash('U0ALICE01', '/boom', '');
      await fake.waitFor(
        () => fake.ephemeralsFor('U0ALICE01').find((m) => m.text.startsWith('You may not')),
        10_000,
        'error',
      );
      if (mode === 'http') await fake.sendWithSignature('command=%2Fdrift&text=x', 'v0=bad');
      await adapter.stop();
    }
    await fake.close();
    const log = lines.join('');
    expect(log).toContain('slack sdk');
    expect(log).toContain('slack: handler failed');
    for (const secret of Object.values(secrets)) expect(log).not.toContain(secret);
  });
});
