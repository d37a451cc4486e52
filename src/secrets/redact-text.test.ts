import { describe, expect, it } from 'vitest';
import { redactAssignments, redactDeep, redactText, SecretBook } from './redact-text.js';

describe('redactText', () => {
  it('masks Discord interaction and webhook tokens and Slack hook secrets in paths, keeps the ids', () => {
    const token = 'aW50ZXJhY3Rpb246MTQ0NDQ0NDQ0NDQ0NDQ0NDQ6c2VjcmV0LXBhcnQ';
    expect(redactText(`PATCH https://discord.com/api/v10/webhooks/1234567/${token}/messages/@original`, [])).toBe(
      'PATCH https://discord.com/api/v10/webhooks/1234567/[redacted]/messages/@original',
    );
    expect(redactText(`"url":"/api/v10/interactions/1449999999999999999/${token}/callback"`, [])).toBe(
      '"url":"/api/v10/interactions/1449999999999999999/[redacted]/callback"',
    );
    expect(redactText('respond to https://hooks.slack.com/commands/T0FAKE001/1234567890/abcDEF123ghi failed', [])).toBe(
      'respond to https://hooks.slack.com/commands/T0FAKE001/1234567890/[redacted] failed',
    );
    // A channel message path is no credential.
    expect(redactText('/api/v10/channels/1234567/messages/7654321', [])).toBe(
      '/api/v10/channels/1234567/messages/7654321',
    );
  });

  it('masks known values, also JSON- and URL-escaped, longest first', () => {
    const text = 'a "p\\"wd-long-one" b p%22wd-long-one c p"wd-long-one d p"wd e p"w';
    expect(redactText(text, ['p"wd', 'p"wd-long-one', 'p"w'])).toBe(
      'a "[redacted]" b [redacted] c [redacted] d [redacted] e p"w',
    );
  });

  it('masks URL passwords and secret query values, keeps the rest of the URL', () => {
    expect(redactText('connect postgres://app:s3cr%40t@db:5432/x failed', [])).toBe(
      'connect postgres://app:[redacted]@db:5432/x failed',
    );
    expect(redactText('GET http://p:9696/api?t=caps&apikey=0123abcd&extended=1', [])).toBe(
      'GET http://p:9696/api?t=caps&apikey=[redacted]&extended=1',
    );
  });

  it('keeps a key that is an identifier (Plex deep links: a number or a /library/ path), masks one that looks secret', () => {
    const deep = 'https://plex.home/web/index.html#!/server/abc/details?key=%2Flibrary%2Fmetadata%2F194';
    expect(redactText(`Watch: ${deep}`, [])).toBe(`Watch: ${deep}`);
    expect(redactText('https://plex.home/web/index.html#!/server/emu/details?key=194', [])).toBe(
      'https://plex.home/web/index.html#!/server/emu/details?key=194',
    );
    expect(redactText('http://plex:32400/library/metadata?key=/library/metadata/194&sort=key', [])).toBe(
      'http://plex:32400/library/metadata?key=/library/metadata/194&sort=key',
    );
    expect(redactText('https://x.test/#!/a?key=hunter2', [])).toBe('https://x.test/#!/a?key=[redacted]');
    // Real API keys under a bare `key`, in a URL or an assignment, whatever the case of the name.
    expect(
      redactText(
        'https://maps.test/api?key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY&q=1 KEY=0f3c9a7e5b1d4c2a8e6f0b9d7c5a3e1f',
        [],
      ),
    ).toBe('https://maps.test/api?key=[redacted]&q=1 KEY=[redacted]');
    // A long number is not an item id.
    expect(redactText('https://x.test/a?key=83746291057364819', [])).toBe('https://x.test/a?key=[redacted]');
  });

  it('masks PEM private-key blocks, raw or JSON-escaped', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';
    expect(redactText(`key: ${pem} end`, [])).toBe('key: [redacted] end');
    expect(redactText(JSON.stringify({ k: pem }), [])).toBe('{"k":"[redacted]"}');
  });

  it('masks NAME=value with a secret name, but not references or plain settings', () => {
    expect(redactAssignments('DB_PASS=hunter2 TZ=UTC TOKEN_TTL=3600 SMTP_PASSWORD=${SMTP_PASSWORD}')).toBe(
      'DB_PASS=[redacted] TZ=UTC TOKEN_TTL=3600 SMTP_PASSWORD=${SMTP_PASSWORD}',
    );
  });

  it('leaves text without secrets untouched', () => {
    expect(redactText('environment.TZ: `Europe/Berlin` → `UTC`', ['hunter22'])).toBe(
      'environment.TZ: `Europe/Berlin` → `UTC`',
    );
  });
});

describe('SecretBook', () => {
  it('learns values later and ignores too-short ones', () => {
    const book = new SecretBook(['first-secret']);
    book.add(['abc', 'host-env-secret']);
    expect(book.values()).toEqual(['host-env-secret', 'first-secret']);
    expect(book.redact('abc first-secret host-env-secret', '••••')).toBe('abc •••• ••••');
  });

  it('redacts every string of a JSON-like value', () => {
    const book = new SecretBook(['k-123456']);
    expect(redactDeep({ a: ['x k-123456'], b: 2, c: null }, (t) => book.redact(t))).toEqual({
      a: ['x [redacted]'],
      b: 2,
      c: null,
    });
  });
});
