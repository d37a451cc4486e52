import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isJobName } from '../jobs/job-map.js';
import { commandOptionSpecs } from './option-specs.js';
import { toDiscordCommands } from './discord-json.js';
import { actions, commandLabel, commands } from './registry.js';

const folder = dirname(fileURLToPath(import.meta.url));
const definitionFiles = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .filter((f) => /\bdefine(Command|Action)\(/.test(readFileSync(join(folder, f), 'utf8')))
  .filter((f) => f !== 'define-command.ts');

describe('command registry conformance', () => {
  it('registers every definition file in the folder', () => {
    const registry = readFileSync(join(folder, 'registry.ts'), 'utf8');
    const missing = definitionFiles.filter((f) => !registry.includes(`'./${f.replace(/\.ts$/, '.js')}'`));
    expect(definitionFiles.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('has unique command names and action kinds', () => {
    const labels = commands.map(commandLabel);
    expect(new Set(labels).size).toBe(labels.length);
    const kinds = actions.map((a) => a.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('points every command and action at a job in the job map, with a valid role', () => {
    for (const d of [...commands, ...actions]) {
      expect(isJobName(d.job), `${d.job} in job map`).toBe(true);
      expect(['operator', 'family']).toContain(d.role);
    }
  });

  // Family may only use the media-request commands, plus the harmless /ping probe.
  it('gives the family role only to /ping and the media-request commands', () => {
    const familyAllowed = new Set(['ping', 'request', 'requests']);
    const family = commands.filter((d) => d.role === 'family').map((d) => d.command);
    expect(family).toContain('ping');
    expect(family.filter((c) => !familyAllowed.has(c))).toEqual([]);
    expect(actions.filter((a) => a.role === 'family' && !a.kind.startsWith('request')).map((a) => a.kind)).toEqual([]);
    expect(commands.find((d) => d.command === 'status')?.role).toBe('operator');
  });

  it('derives option specs and Discord JSON for every command', () => {
    for (const d of commands) expect(() => commandOptionSpecs(d)).not.toThrow();
    expect(toDiscordCommands(commands).map((c) => c.name)).toContain('ping');
  });
});
