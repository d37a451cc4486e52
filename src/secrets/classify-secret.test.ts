import { describe, expect, it } from 'vitest';
import { classifySecret, type SecretReason } from './classify-secret.js';
import { isSecretName } from './secret-names.js';

const PEM =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';

/** name, value → secret?, reason. The false-positive guards are the `false` rows. */
const table: readonly [string, string, boolean, SecretReason][] = [
  // by name (the names from issue #13 first)
  ['N8N_ENCRYPTION_KEY', 'n8n-enc', true, 'name'],
  ['DB_PASS', 'hunter2', true, 'name'],
  ['MYSQL_PWD', 'hunter2', true, 'name'],
  ['WG_PSK', 'psk', true, 'name'],
  ['ENCRYPTION_KEY', 'x', true, 'name'],
  ['JWT', 'x', true, 'name'],
  ['SALT', 'x', true, 'name'],
  ['TS_AUTHKEY', 'x', true, 'name'],
  ['PLEX_CLAIM', 'claim-abc', true, 'name'],
  ['CF_DNS_API_TOKEN', 'x', true, 'name'],
  ['RADARR__AUTH__APIKEY', 'x', true, 'name'],
  ['WIREGUARD_PRIVATE_KEY', 'x', true, 'name'],
  ['WIREGUARD_PRESHARED_KEY', 'x', true, 'name'],
  ['AUTHENTIK_SECRET_KEY', 'x', true, 'name'],
  ['SESSION_SECRET', 'x', true, 'name'],
  ['SESSION', 'x', true, 'name'],
  ['BASIC_AUTH', 'x', true, 'name'],
  ['SENTRY_DSN', 'x', true, 'name'],
  ['DISCORD_WEBHOOK_URL', 'x', true, 'name'],
  ['AWS_CREDENTIALS', 'x', true, 'name'],
  ['GF_SECURITY_ADMIN_PASSWORD__FILE', '/run/secrets/x', false, 'none'],
  ['traefik.http.middlewares.a.basicauth.users', 'admin:$apr1$x', true, 'name'],
  ['SSH_KEY', 'x', true, 'name'],
  ['passkey', 'x', true, 'name'],
  ['X-Api-Key', 'x', true, 'name'],
  ['botToken', 'x', true, 'name'],
  // by value
  ['DATABASE_URL', 'postgres://user:pw@db/x', true, 'url-credentials'],
  ['PROWLARR_FEED', 'http://prowlarr:9696/1/api?t=caps&apikey=0123abcd', true, 'url-credentials'],
  ['SSH_PRIVATE', PEM, true, 'private-key'],
  ['GITHUB', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', true, 'token-format'],
  ['RADARR_API_KEY_HEX', '3f9c2a71d04e4b8c9a6e5d1f7b2c8e40', true, 'name'],
  ['SOME_OPAQUE', '3f9c2a71d04e4b8c9a6e5d1f7b2c8e40', true, 'high-entropy'],
  ['SOME_OPAQUE', 'q8Zt3xLm9Vw2Rk7Pn4Hs6Jd1Fb5Gc0Ye', true, 'high-entropy'],
  // false-positive guards: visible on purpose
  ['KEYBOARD_LAYOUT', 'de-nodeadkeys', false, 'none'],
  ['MONKEY', 'banana', false, 'none'],
  ['TOKEN_TTL', '3600', false, 'none'],
  ['AUTH_ENABLED', 'true', false, 'none'],
  ['PASSWORD_FILE', '/run/secrets/db', false, 'none'],
  ['privateKeyPath', '/ssh/id_ed25519', false, 'none'],
  ['WIREGUARD_ADDRESSES', '10.64.222.21/32', false, 'none'],
  ['AUTHOR', 'jane', false, 'none'],
  ['WEBHOOK_ENABLED', 'true', false, 'none'],
  ['SERVER_URL', 'https://plex.home.lan:32400', false, 'none'],
  ['IMAGE_DIGEST', 'sha256:9b2a1d0c4e3f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b', false, 'none'],
  ['TRAEFIK_RULE', 'Host(`grafana.home.lan`)', false, 'none'],
  ['VERSION_NAME', 'release-2024-07-01-stable', false, 'none'],
  // a long host path with digits is not random (it used to pass for high entropy)
  ['DATA_ROOT', '/tmp/hlb-lab/v3-remediation-templates/hosts/ct-media-01/appdata/bazarr', false, 'none'],
  ['OPAQUE_PATH', '/run/q8Zt3xLm9Vw2Rk7Pn4Hs6Jd1Fb5Gc0Ye/socket', true, 'high-entropy'],
  // the allow-list: never secret by name or looks, still by strong evidence
  ['TZ', 'Europe/Berlin', false, 'allow-listed'],
  ['PUID', '1000', false, 'allow-listed'],
  ['PWD', '/app', false, 'allow-listed'],
  ['LOG_LEVEL', 'q8Zt3xLm9Vw2Rk7Pn4Hs6Jd1Fb5Gc0Ye', false, 'allow-listed'],
  ['LOG_LEVEL', 'postgres://user:pw@db/x', true, 'url-credentials'],
];

describe('classifySecret (the one classifier)', () => {
  it.each(table)('%s=%s → secret %s (%s)', (name, value, secret, reason) => {
    expect(classifySecret({ name, values: [value] })).toEqual({ secret, reason });
  });

  it('calls a value secret when it contains a known secret (config, .env, host .env), under any name', () => {
    expect(classifySecret({ name: 'DEBUG', values: ['prefix-hunter22-suffix'], known: ['hunter22'] })).toEqual({
      secret: true,
      reason: 'known-value',
    });
    expect(classifySecret({ name: 'TZ', values: ['hunter22'], known: ['hunter22'] }).secret).toBe(true);
    expect(classifySecret({ name: 'DEBUG', values: ['abc'], known: ['ab'] }).secret).toBe(false);
  });

  it('calls a value secret by provenance: interpolated from a secret-named variable', () => {
    expect(classifySecret({ name: 'DB_URI_PART', values: ['plain'], via: ['POSTGRES_PASSWORD'] })).toEqual({
      secret: true,
      reason: 'provenance',
    });
    expect(classifySecret({ name: 'GREETING', values: ['hello'], via: ['TZ', 'DOMAIN'] }).secret).toBe(false);
  });

  it('ignores null sides and needs no name', () => {
    expect(classifySecret({ values: [null, 'postgres://u:p@h/db'] }).secret).toBe(true);
    expect(classifySecret({ values: [null] }).secret).toBe(false);
  });
});

describe('isSecretName', () => {
  it.each([
    'token',
    'apiKey',
    'signingSecret',
    'webhookSecret',
    'X-Plex-Token',
    'authorization',
    'Cookie',
    'PGPASSWORD',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  it.each([
    'knownHostsPath',
    'hostKeyFingerprint',
    'applicationId',
    'username',
    'url',
    'apiUrl',
    'tokenizer_url',
    'TZ',
  ])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});
