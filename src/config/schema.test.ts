import { describe, expect, it } from 'vitest';
import { appConfigSchema } from './schema.js';

const fingerprint = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const ssh = { host: '127.0.0.1', privateKeyPath: '/k', hostKeyFingerprint: fingerprint };

function messages(input: unknown): string[] {
  const result = appConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('appConfigSchema', () => {
  it('accepts an empty config (shell-only) and fills defaults', () => {
    expect(appConfigSchema.parse({})).toMatchObject({
      hosts: [],
      redis: { url: 'redis://127.0.0.1:6379' },
      approvals: { ttlMs: 86_400_000 },
      http: { port: 8780 },
    });
  });

  it('accepts ports and flags written as text by ${VAR} and Discord ids as exact big integers', () => {
    const config = appConfigSchema.parse({
      hosts: [{ name: 'h', endpoint: 'e', ssh: { ...ssh, port: '2222' }, readHostEnv: 'true' }],
      people: [{ name: 'alice', role: 'operator', discordId: 12345678901234567890n }],
    });
    expect(config.hosts[0]).toMatchObject({
      ssh: { port: 2222, user: 'root' },
      readHostEnv: true,
    });
    // Unset, the socket comes from the SSH session's DOCKER_HOST (else /var/run/docker.sock) at connect time.
    expect(config.hosts[0]?.dockerSocket).toBeUndefined();
    expect(config.people[0]?.discordId).toBe('12345678901234567890');
  });

  it.each([
    [
      { hosts: [{ name: 'h', endpoint: 'e', ssh: { ...ssh, hostKeyFingerprint: 'MD5:aa:bb' } }] },
      'hosts.0.ssh.hostKeyFingerprint: expected an OpenSSH host key fingerprint',
    ],
    [{ media: { homeCidrs: ['203.0.113.0/33'] } }, 'media.homeCidrs.0: expected an IP address or CIDR range'],
    [
      { media: { radarr: { url: 'ftp://radarr', apiKey: 'k' } } },
      'media.radarr.url: expected an http:// or https:// URL',
    ],
    [
      { schedules: { health: { cron: '0 25 * * *' } } },
      'schedules.health.cron: invalid cron "0 25 * * *": hour "25": got value 25 expected range 0-23',
    ],
    [{ schedules: { health: {} } }, 'schedules.health: expected exactly one of cron'],
    [
      { apps: { path: '/a', forge: { type: 'github', owner: 'o', repo: 'r' } } },
      'apps.forge.token: expected a non-empty secret',
    ],
    [{ people: [{ name: 'bob', role: 'family' }] }, "people.0: person 'bob' needs discordId, slackId or both"],
    [
      {
        people: [
          { name: 'a', role: 'family', slackId: 'U1X' },
          { name: 'b', role: 'family', slackId: 'U1X' },
        ],
      },
      "people.1.slackId: duplicate Slack id 'U1X'",
    ],
    [
      { chat: { slack: { botToken: 'xoxb-1', signingSecret: 's', channelId: 'C1X', mode: 'socket' } } },
      'chat.slack.appToken: mode "socket" needs appToken',
    ],
    [
      { chat: { slack: { botToken: 'xapp-1', signingSecret: 's', channelId: 'C1X' } } },
      'chat.slack.botToken: expected a Slack bot token starting with xoxb-',
    ],
    [
      { chat: { shell: { person: 'carol' } } },
      'chat.shell.person: expected the name of a person from people[] (none defined)',
    ],
    [{ approvals: { ttl: '10 minutes' } }, 'approvals.ttl: expected a duration like'],
  ])('rejects %j', (input, expected) => {
    expect(messages(input).join('\n')).toContain(expected);
  });

  it('defaults Slack to socket mode when an app token is given, http otherwise', () => {
    const slack = { botToken: 'xoxb-1', signingSecret: 's', channelId: 'C1X' };
    expect(appConfigSchema.parse({ chat: { slack: { ...slack, appToken: 'xapp-1' } } }).chat.slack?.mode).toBe(
      'socket',
    );
    expect(appConfigSchema.parse({ chat: { slack } }).chat.slack?.mode).toBe('http');
  });
});
