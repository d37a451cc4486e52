import { describe, expect, it } from 'vitest';
import { registry } from '../commands/registry.js';
import { UserError } from '../errors.js';
import { findDefinition } from './dispatch.js';

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError');
};

describe('findDefinition', () => {
  it('finds a registered command with its sub-command', () => {
    expect(findDefinition(registry, { command: 'request', subcommand: 'movie' }, 'family').job).toBe(
      'media.request-movie',
    );
  });

  it('turns "/request Dune" into the sub-commands to use, with what each does', () => {
    const message = messageOf(() => findDefinition(registry, { command: 'request', subcommand: 'dune' }, 'family'));
    expect(message).toMatch(/^\/request has no sub-command "dune"\. Use one of: /);
    expect(message).toContain('/request movie (');
    expect(message).toContain('/request tv (');
  });

  it('says a sub-command is needed when none was typed', () => {
    expect(messageOf(() => findDefinition(registry, { command: 'drift' }, 'operator'))).toMatch(
      /^\/drift needs a sub-command\. Use one of: .*\/drift audit/,
    );
  });

  it('lists only the commands the caller may use', () => {
    const family = messageOf(() => findDefinition(registry, { command: 'dirft' }, 'family'));
    expect(family).toMatch(/^Unknown command \/dirft\. Commands you can use: /);
    expect(family).toContain('/request movie');
    expect(family).not.toContain('/drift audit');
    expect(messageOf(() => findDefinition(registry, { command: 'dirft' }, 'operator'))).toContain('/drift audit');
    expect(messageOf(() => findDefinition(registry, { command: 'dirft' }, undefined))).toContain(
      'none (ask the operator',
    );
  });

  it('suggests the command or sub-command a typo was meant to be, among what the caller may use', () => {
    expect(messageOf(() => findDefinition(registry, { command: 'pnig' }, 'operator'))).toMatch(
      /^Unknown command \/pnig\. Did you mean \/ping\? Commands you can use: /,
    );
    expect(messageOf(() => findDefinition(registry, { command: 'drift', subcommand: 'adit' }, 'operator'))).toMatch(
      /^\/drift has no sub-command "adit"\. Did you mean \/drift audit\? Use one of: /,
    );
    expect(messageOf(() => findDefinition(registry, { command: 'dirft' }, 'family'))).not.toContain('Did you mean');
  });
});
