import { describe, expect, it } from 'vitest';
import { slackSchema, type SlackConfig } from '../../config/chat-schema.js';
import { silentLogger } from '../../log.js';
import { SlackAdapter, type SlackAdapterSettings } from './slack-adapter.js';

describe('SlackAdapter settings', () => {
  it('accepts the validated chat.slack config block as it is', async () => {
    const config: SlackConfig = slackSchema.parse({
      botToken: 'xoxb-1',
      signingSecret: 's3cret',
      channelId: 'C0CHAN001',
    });
    const settings: SlackAdapterSettings = config;
    expect([settings.mode, settings.port]).toEqual(['http', 3000]);
    const adapter = new SlackAdapter(settings, { logger: silentLogger(), hasSubcommands: () => false });
    expect(adapter.platform).toBe('slack');
    expect(adapter.httpPort).toBeUndefined();
    await adapter.stop();
  });

  it('refuses Socket Mode without an app token before connecting anywhere', async () => {
    const adapter = new SlackAdapter(
      { botToken: 'xoxb-1', signingSecret: 's', mode: 'socket', port: 0 },
      { logger: silentLogger(), hasSubcommands: () => false },
    );
    await expect(
      adapter.start({
        received: () => Promise.resolve(),
        abandoned: () => Promise.resolve(),
        onCommand: () => Promise.resolve(),
        onAction: () => Promise.resolve(),
      }),
    ).rejects.toThrow(/appToken/);
  });
});
