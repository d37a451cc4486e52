import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from './errors.js';
import { createLogger, prettyLogLine, rememberSecrets } from './log.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts tokens, passwords and authorization headers at any of the first levels', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info' }, stream);
    log.info(
      { token: 'tok-123', cfg: { password: 'hunter2' }, req: { headers: { authorization: 'Bot abc' } } },
      'hello',
    );
    const out = lines.join('');
    expect(out).toContain('hello');
    expect(out).not.toContain('tok-123');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('Bot abc');
    expect(out).toContain('[redacted]');
  });

  it('keeps non-secret metadata', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info' }, stream).info({ runId: 'r-1', host: 'ct-media-01' }, 'audit');
    expect(lines.join('')).toContain('ct-media-01');
  });
});

describe('createLogger with known secret values', () => {
  it('masks a known secret wherever it appears: message, nested field, error message', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', secrets: ['s3cr3t-value'] }, stream);
    log.info({ detail: { note: 'url http://x/?k=s3cr3t-value' } }, 'calling with s3cr3t-value');
    log.error({ err: new Error('auth failed for s3cr3t-value') }, 'boom');
    const out = lines.join('');
    expect(out).not.toContain('s3cr3t-value');
    // message, nested note, error message and the error's stack line.
    expect(out.match(/\[redacted\]/g)?.length).toBe(4);
    expect(out).toContain('auth failed for [redacted]');
  });

  it('leaves logs untouched when no secret occurs', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info', secrets: ['s3cr3t-value'] }, stream).info({ host: 'ct-docker-01' }, 'plain');
    expect(lines.join('')).toContain('"host":"ct-docker-01"');
  });
});

describe('createLogger keeps errors whole and redacts at any depth', () => {
  it('keeps the error class, code, context and cause chain, with secrets redacted', async () => {
    const { ExternalError, UserError } = await import('./errors.js');
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', secrets: ['s3cr3t-value'] }, stream);
    const root = new Error('socket closed for s3cr3t-value');
    const middle = new ExternalError('host-unreachable', 'ssh failed', { cause: root, context: { host: 'h1' } });
    log.error({ err: new UserError('no-drift', 'nothing to fix', { cause: middle }) }, 'job failed');
    const line = JSON.parse(lines.join('')) as {
      err: {
        type: string;
        code: string;
        message: string;
        cause: { type: string; code: string; context: { host: string }; cause: { type: string; message: string } };
      };
    };
    expect(line.err.type).toBe('UserError');
    expect(line.err.code).toBe('no-drift');
    expect(line.err.message).toBe('nothing to fix');
    expect(line.err.cause.type).toBe('ExternalError');
    expect(line.err.cause.code).toBe('host-unreachable');
    expect(line.err.cause.context.host).toBe('h1');
    expect(line.err.cause.cause).toMatchObject({ type: 'Error', message: 'socket closed for [redacted]' });
    expect(lines.join('')).not.toContain('s3cr3t-value');
  });

  it("masks the interaction token in a failed webhook call's URL and a saved answer handle", async () => {
    const { ExternalError } = await import('./errors.js');
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info' }, stream);
    const token = 'aW50ZXJhY3Rpb246MTQ0NDQ0NDQ0NDQ0NDQ0NDQ6c2VjcmV0LXBhcnQ';
    const apiError = Object.assign(new Error('Unknown Message'), {
      url: `https://discord.com/api/v10/webhooks/1449999999999999999/${token}/messages/@original`,
    });
    log.error(
      { err: new ExternalError('discord-api', 'Discord refused to reply', { cause: apiError }) },
      'reply failed',
    );
    log.info(
      { answer: { expiresAt: '2026-12-04T12:15:00.000Z', pending: true, sealedToken: 'v1.c2VhbGVk' } },
      'intent',
    );
    const out = lines.join('');
    expect(out).toContain('/webhooks/1449999999999999999/[redacted]/messages');
    expect(out).not.toContain(token);
    expect(out).not.toContain('v1.c2VhbGVk');
  });

  it('redacts deeper than six levels and under secret-named keys at any depth', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', secrets: ['deep-secret-1'] }, stream);
    log.info(
      { a: { b: { c: { d: { e: { f: { g: { h: 'x deep-secret-1', dbPassword: 'hunter22', note: 'plain' } } } } } } } },
      'deep',
    );
    const out = lines.join('');
    expect(out).not.toContain('deep-secret-1');
    expect(out).not.toContain('hunter22');
    expect(out).toContain('"note":"plain"');
  });

  it('redacts child bindings and values learned later (host .env), in children made before', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'debug', secrets: ['cfg-token-1'] }, stream);
    const child = log.child({ job: 'drift.audit', url: 'postgres://u:cfg-token-1@db/x', token: 'abc-binding' });
    rememberSecrets(log, ['host-env-secret-9']);
    child.debug({ line: 'DB_PASS=host-env-secret-9 read' }, 'value from the host is host-env-secret-9');
    const out = lines.join('');
    expect(out).not.toContain('cfg-token-1');
    expect(out).not.toContain('abc-binding');
    expect(out).not.toContain('host-env-secret-9');
    expect(out).toContain('"job":"drift.audit"');
  });

  it('masks URL passwords and private keys it was never told about', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info' }, stream).warn(
      { dsn: 'x', target: 'redis://:unknown-pw@redis:6379' },
      'pem -----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----',
    );
    const out = lines.join('');
    expect(out).not.toContain('unknown-pw');
    expect(out).not.toContain('MIIB');
  });
});

describe('LOG_FORMAT and LOG_LEVEL', () => {
  it('writes one readable line per entry in pretty mode, secrets still masked, no stack', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info', format: 'pretty', secrets: ['s3cr3t-value'] }, stream);
    const err = new UserError('no-apps-repo', 'not configured s3cr3t-value');
    log.warn({ job: 'drift.audit', err }, 'job refused');
    const out = lines.join('');
    expect(out).toMatch(
      /^\d\d:\d\d:\d\d WARN {2}job refused job=drift\.audit err="UserError\[no-apps-repo\]: not configured \[redacted\]"\n$/,
    );
    expect(out).not.toContain('s3cr3t-value');
    expect(out).not.toContain('at ');
    expect(prettyLogLine('not json')).toBe('not json');
  });

  it('refuses an unknown level or format, naming what is accepted', () => {
    expect(() => createLogger({ level: 'verbose' })).toThrow(
      /LOG_LEVEL "verbose" is not a level\. Accepted: fatal, error/,
    );
    expect(() => createLogger({ level: 'info', format: 'xml' })).toThrow(
      /LOG_FORMAT "xml" is not a format\. Accepted: json, pretty/,
    );
  });
});
