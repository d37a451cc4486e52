import { describe, expect, it } from 'vitest';
import { envSecrets, workingDirs } from './host-env.js';
import type { ObservedContainer } from './model.js';

const container = (project: string, workingDir: string | null): ObservedContainer =>
  ({ project, workingDir }) as unknown as ObservedContainer;

describe('workingDirs', () => {
  it('takes the compose label first and falls back to <deployDir>/<stack> for a stack with no container', () => {
    const dirs = workingDirs(['media', 'gone'], [container('media', '/srv/compose/media')], '/opt/stacks/');
    expect([...dirs]).toEqual([
      ['media', '/srv/compose/media'],
      ['gone', '/opt/stacks/gone'],
    ]);
  });

  it('knows no folder for such a stack without deployDir', () => {
    expect(workingDirs(['gone'], []).size).toBe(0);
  });
});

describe('envSecrets', () => {
  it('returns the values the classifier calls secret (name or value), not the public ones', () => {
    const envs = new Map([['s', 'TZ=UTC\nDB_PASS=hunter22\nDATABASE_URL=postgres://u:pw22@db/x\nTOKEN_TTL=3600\n']]);
    expect(envSecrets(envs)).toEqual(['hunter22', 'postgres://u:pw22@db/x']);
  });
});
