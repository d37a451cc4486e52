import { describe, expect, it } from 'vitest';
import { inspectBatchSize, inspectContainersBatch, inspectImagesBatch, type RunRemote } from './inspect-batch.js';
import type { ExecResult } from './remote-exec.js';

const answer = (code: number, stdout: unknown, stderr = ''): ExecResult => ({
  code,
  stdout: Buffer.from(typeof stdout === 'string' ? stdout : JSON.stringify(stdout)),
  stderr,
});

/** A host whose docker CLI knows `known` ids; records the commands it ran. */
function cliHost(known: ReadonlySet<string>): { run: RunRemote; commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    run: (command) => {
      commands.push(command);
      const ids = [...command.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '').slice(1);
      const found = ids.filter((id) => known.has(id)).map((id) => ({ Id: id }));
      const errors = ids.filter((id) => !known.has(id)).map((id) => `Error: No such object: ${id}`);
      return Promise.resolve(answer(errors.length === 0 ? 0 : 1, found, errors.join('\n')));
    },
  };
}

describe('inspectContainersBatch', () => {
  it('inspects every id with one docker inspect on the socket, skipping ids gone in between', async () => {
    const host = cliHost(new Set(['a', 'b', 'c']));
    const found = await inspectContainersBatch(host.run, '/run/docker.sock', ['a', 'gone', 'b', 'a', 'c']);
    expect(found?.map((c) => c['Id'])).toEqual(['a', 'b', 'c']);
    expect(host.commands).toEqual([`docker -H 'unix:///run/docker.sock' container inspect 'a' 'gone' 'b' 'c'`]);
  });

  it(`splits more than ${inspectBatchSize} ids into several commands`, async () => {
    const ids = Array.from({ length: inspectBatchSize + 5 }, (_, n) => `id${n}`);
    const host = cliHost(new Set(ids));
    expect((await inspectContainersBatch(host.run, '/s', ids))?.length).toBe(ids.length);
    expect(host.commands).toHaveLength(2);
  });

  it.each<[string, ExecResult]>([
    ['no docker CLI (exit 127)', answer(127, '', 'sh: 1: docker: not found')],
    [
      'no access to the socket',
      answer(1, '[]', 'permission denied while trying to connect to the Docker daemon socket'),
    ],
    ['output that is not a JSON array', answer(0, 'Usage: docker [OPTIONS] COMMAND')],
    ['fewer objects than ids on exit 0', answer(0, [{ Id: 'a' }])],
  ])('gives up (the caller uses the API) on %s', async (_what, result) => {
    expect(await inspectContainersBatch(() => Promise.resolve(result), '/s', ['a', 'b'])).toBeUndefined();
  });
});

describe('inspectImagesBatch', () => {
  it('keys the images by the requested id or name, in order', async () => {
    const host = cliHost(new Set(['sha256:1', 'nginx:1.25']));
    const found = await inspectImagesBatch(host.run, '/s', ['sha256:1', 'nginx:1.25', 'sha256:1']);
    expect([...(found ?? new Map()).entries()]).toEqual([
      ['sha256:1', { Id: 'sha256:1' }],
      ['nginx:1.25', { Id: 'nginx:1.25' }],
    ]);
    expect(host.commands[0]).toContain(' image inspect ');
  });

  it('gives up when an image is missing: positions no longer tell which is which', async () => {
    const host = cliHost(new Set(['sha256:1']));
    expect(await inspectImagesBatch(host.run, '/s', ['sha256:1', 'sha256:gone'])).toBeUndefined();
  });
});
