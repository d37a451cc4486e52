import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gitHubCloneUrl, gitHubRemote } from './github-remote.js';

const base = { owner: 'alice', repo: 'apps', token: 'ghp_secretToken123' };

describe('gitHubRemote', () => {
  it('derives the clone URL from the API URL: github.com, GHES and an emulator', () => {
    expect(gitHubCloneUrl(base)).toBe('https://github.com/alice/apps.git');
    expect(gitHubCloneUrl({ ...base, apiUrl: 'https://ghe.example.com/api/v3/' })).toBe(
      'https://ghe.example.com/alice/apps.git',
    );
    expect(gitHubCloneUrl({ ...base, apiUrl: 'http://127.0.0.1:4000' })).toBe('http://127.0.0.1:4000/alice/apps.git');
    expect(gitHubCloneUrl({ ...base, cloneUrl: 'git@github.com:alice/apps.git' })).toBe(
      'git@github.com:alice/apps.git',
    );
  });

  it('puts the token only in a per-origin extraHeader passed by environment, never in the URL', () => {
    const remote = gitHubRemote(base);
    expect(remote.url).not.toContain(base.token);
    expect(remote.env['GIT_CONFIG_KEY_0']).toBe('http.https://github.com/.extraHeader');
    const header = remote.env['GIT_CONFIG_VALUE_0'] ?? '';
    expect(Buffer.from(header.replace('Authorization: Basic ', ''), 'base64').toString()).toBe(
      `x-access-token:${base.token}`,
    );
  });

  it('never serialises the credential env (JSON, own properties, inspect)', () => {
    const remote = gitHubRemote(base);
    const basic = Buffer.from(`x-access-token:${base.token}`).toString('base64');
    expect(remote.env['GIT_CONFIG_VALUE_0']).toContain(basic);
    expect(JSON.stringify({ remote })).not.toContain(basic);
    expect(JSON.stringify(Object.entries(remote))).not.toContain(basic);
    expect(inspect(remote, { depth: 5 })).not.toContain(basic);
    expect(JSON.stringify({ remote })).toContain('https://github.com/alice/apps.git');
  });

  it('adds no HTTP header for an ssh remote', () => {
    expect(gitHubRemote({ ...base, cloneUrl: 'ssh://git@github.com/alice/apps.git' }).env).toEqual({});
  });
});
