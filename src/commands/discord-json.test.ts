import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from './define-command.js';
import { toDiscordCommands } from './discord-json.js';

const audit = defineCommand({
  command: 'drift',
  subcommand: 'audit',
  description: 'Audit drift',
  role: 'operator',
  job: 'drift.audit',
  options: z.object({ dry: z.boolean().optional().describe('Dry run'), host: z.string().describe('Host') }),
});
const status = defineCommand({
  command: 'drift',
  subcommand: 'status',
  description: 'Drift status',
  role: 'operator',
  job: 'drift.status',
  options: z.object({ kind: z.enum(['all', 'open']).describe('Which') }),
});
const ping = defineCommand({
  command: 'ping',
  description: 'Ping',
  role: 'family',
  job: 'system.ping',
  options: z.object({}),
});

describe('toDiscordCommands', () => {
  it('groups sub-commands under one command with required options first', () => {
    const [drift] = toDiscordCommands([audit, status]);
    expect(drift?.name).toBe('drift');
    expect(drift?.options.map((o) => [o.type, o.name])).toEqual([
      [1, 'audit'],
      [1, 'status'],
    ]);
    expect(drift?.options[0]?.options).toEqual([
      { type: 3, name: 'host', description: 'Host', required: true },
      { type: 5, name: 'dry', description: 'Dry run', required: false },
    ]);
    expect(drift?.options[1]?.options?.[0]?.choices).toEqual([
      { name: 'all', value: 'all' },
      { name: 'open', value: 'open' },
    ]);
  });

  it('emits flat commands with their own description', () => {
    expect(toDiscordCommands([ping])).toEqual([{ type: 1, name: 'ping', description: 'Ping', options: [] }]);
  });

  it('rejects uppercase names, long descriptions and too many options', () => {
    expect(() => toDiscordCommands([{ ...ping, command: 'Ping' }])).toThrow(/lowercase/);
    expect(() => toDiscordCommands([{ ...ping, description: 'x'.repeat(101) }])).toThrow(/1-100/);
    const many = z.object(
      Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`o${i}`, z.string().describe('o')])),
    );
    expect(() => toDiscordCommands([{ ...ping, options: many }])).toThrow(/at most 25/);
  });

  it('refuses a flat command mixed with sub-commands', () => {
    expect(() => toDiscordCommands([{ ...ping, command: 'drift' }, audit])).toThrow(/flat command/);
  });
});
