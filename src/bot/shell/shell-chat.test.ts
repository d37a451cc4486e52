import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { InboundCommand, InboundHandler } from '../inbound.js';
import { ShellChat } from './shell-chat.js';

const quietHandler: InboundHandler = {
  received: () => Promise.resolve(),
  abandoned: () => Promise.resolve(),
  onCommand: () => Promise.resolve(),
  onAction: () => Promise.resolve(),
};

/** A terminal-mode REPL on in-memory streams, with a handler that records commands. */
function terminalShell(onCommand: (command: InboundCommand) => Promise<void>) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const chat = new ShellChat({ input, output, terminal: true });
  const handler: InboundHandler = {
    received: () => Promise.resolve(),
    abandoned: () => Promise.resolve(),
    onCommand,
    onAction: () => Promise.resolve(),
  };
  void chat.start(handler);
  const waitFor = async (needle: string): Promise<void> => {
    for (let i = 0; i < 200 && !text.includes(needle); i++) await sleep(10);
    expect(text).toContain(needle);
  };
  return {
    chat,
    type: (keys: string) => {
      input.write(keys);
    },
    output: () => text,
    waitFor,
  };
}

describe('ShellChat Ctrl-C in a terminal', () => {
  it('clears the typed line on the first Ctrl-C, says how to exit, and keeps reading', async () => {
    const seen: string[] = [];
    const shell = terminalShell((c) => {
      seen.push(`/${c.command} ${c.text ?? ''}`.trim());
      return Promise.resolve();
    });
    shell.type('/drift audit');
    shell.type('\x03');
    await shell.waitFor('(To exit, press Ctrl-C again or Ctrl-D, or type quit.)');
    shell.type('/ping\r');
    for (let i = 0; i < 100 && seen.length === 0; i++) await sleep(10);
    expect(seen).toEqual(['/ping']);
    shell.type('quit\r');
    await expect(shell.chat.done).resolves.toBe('quit');
  });

  it('stops waiting for a command that has no answer yet, then exits on a second Ctrl-C', async () => {
    const shell = terminalShell(() => new Promise<void>(() => undefined));
    shell.type('/ping\r');
    await sleep(50);
    shell.type('\x03');
    await shell.waitFor('Stopped waiting for that command');
    shell.type('\x03');
    await expect(shell.chat.done).resolves.toBe('interrupt');
  });

  it('needs two Ctrl-C in a row: a line typed in between disarms the first', async () => {
    const shell = terminalShell(() => Promise.resolve());
    shell.type('\x03');
    await shell.waitFor('(To exit');
    shell.type('help\r');
    await shell.waitFor('help [<command>]');
    shell.type('\x03');
    await sleep(100);
    const state = await Promise.race([shell.chat.done, sleep(100).then(() => 'running')]);
    expect(state).toBe('running');
    expect(shell.output().match(/To exit/g)?.length).toBe(2);
    shell.type('\x04');
    await expect(shell.chat.done).resolves.toBe('eof');
  });
});

describe('ShellChat prompt', () => {
  it('shows `homelab> ` on a terminal, again after each line, and redraws it under output', async () => {
    const shell = terminalShell(() => Promise.resolve());
    await shell.waitFor('homelab> ');
    shell.type('/ping\r');
    for (let i = 0; i < 200 && (shell.output().match(/homelab> /g)?.length ?? 0) < 3; i++) await sleep(10);
    const before = shell.output().match(/homelab> /g)?.length ?? 0;
    expect(before).toBeGreaterThanOrEqual(2);
    shell.chat.print('a job posted this');
    await shell.waitFor('a job posted this');
    const after = shell.output().split('\x1b[Ka job posted this\n')[1] ?? '';
    expect(after).toContain('homelab> ');
    shell.type('quit\r');
    await expect(shell.chat.done).resolves.toBe('quit');
  });

  it('shows no prompt on a pipe unless asked for one', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const chat = new ShellChat({ input, output, terminal: false, prompt: 'homelab> ' });
    await chat.start(quietHandler);
    input.write('help\n');
    for (let i = 0; i < 200 && (text.match(/homelab> /g)?.length ?? 0) < 2; i++) await sleep(10);
    expect(text.startsWith('homelab> ')).toBe(true);
    expect(text.match(/homelab> /g)?.length).toBe(2);
    input.end();
    await expect(chat.done).resolves.toBe('eof');
    const plain = new ShellChat({ input: new PassThrough(), output, terminal: false });
    text = '';
    await plain.start(quietHandler);
    plain.print('x');
    expect(text).toBe('x\n');
    await plain.stop();
  });
});
