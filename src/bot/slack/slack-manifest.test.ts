import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../commands/define-command.js';
import { registry } from '../../commands/registry.js';
import { slackManifest } from './slack-manifest.js';
import { neededSlackScopes, slackMethodScopes } from './slack-scopes.js';

async function adapterSource(): Promise<string> {
  const dir = import.meta.dirname;
  const files = (await readdir(dir)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'slack-scopes.ts',
  );
  return (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

type Manifest = {
  features: { slash_commands: { command: string; description: string; usage_hint?: string; url?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean; request_url?: string } };
};

describe('Slack manifest', () => {
  it('asks for the scopes of exactly the Web API methods the adapter calls', async () => {
    const called = new Set([...(await adapterSource()).matchAll(/callSlack\('([\w.]+)'/g)].map((m) => m[1]));
    expect([...called].sort()).toEqual(Object.keys(slackMethodScopes).sort());
    const manifest = slackManifest(registry.commands, { mode: 'socket' }) as Manifest;
    expect(manifest.oauth_config.scopes.bot).toEqual(neededSlackScopes());
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'im:history',
      'im:write',
    ]);
  });

  it('lists one slash command per registry command word, sub-commands in the hint', () => {
    const manifest = slackManifest(registry.commands, { mode: 'socket' }) as Manifest;
    const names = manifest.features.slash_commands.map((c) => c.command);
    expect(names).toEqual([...new Set(registry.commands.map((c) => `/${c.command}`))]);
    const drift = manifest.features.slash_commands.find((c) => c.command === '/drift');
    expect(drift?.usage_hint).toMatch(/^audit .*\| lint.*\| fix/);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('a command added to the registry appears in the manifest', () => {
    const added = defineCommand({
      command: 'backup',
      description: 'Back up the apps repo',
      options: z.object({}),
      role: 'operator',
      job: 'system.ping',
    });
    const manifest = slackManifest([...registry.commands, added], { mode: 'socket' }) as Manifest;
    expect(manifest.features.slash_commands).toContainEqual(
      expect.objectContaining({ command: '/backup', description: 'Back up the apps repo' }),
    );
  });

  it('HTTP mode points commands and interactivity at the events URL and turns Socket Mode off', () => {
    const manifest = slackManifest(registry.commands, {
      mode: 'http',
      baseUrl: 'https://bot.example.com/',
    }) as Manifest;
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(manifest.features.slash_commands.every((c) => c.url === 'https://bot.example.com/slack/events')).toBe(true);
  });
});
