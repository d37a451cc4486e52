import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString()); cb(); },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts tokens, passwords and authorization headers at any of the first levels', () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: 'info' }, stream);
    log.info({ token: 'tok-123', cfg: { password: 'hunter2' }, req: { headers: { authorization: 'Bot abc' } } }, 'hello');
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
