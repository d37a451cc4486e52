import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverseerrEmulator, type OverseerrEmulator } from './overseerr-emulator.js';

/** The family loop's endpoints and webhook agent, checked against shared/contracts/overseerr-api.yml. */
describe('Overseerr emulator: approve/decline, issues, request validation, webhook agent', () => {
  let emu: OverseerrEmulator;
  const received: Record<string, unknown>[] = [];
  const hook = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, ...(JSON.parse(text) as Record<string, unknown>) });
      res.writeHead(202).end();
    });
  });
  const call = async (method: string, path: string, user?: number, body?: unknown) => {
    const headers: Record<string, string> = { 'X-Api-Key': emu.apiKey, 'Content-Type': 'application/json' };
    if (user !== undefined) headers['X-Api-User'] = String(user);
    const res = await fetch(`${emu.url}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    emu = await startOverseerrEmulator();
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    emu.setWebhook(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks`, 'secret-header');
  });
  afterAll(async () => {
    await emu.close();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('approves and declines with MANAGE_REQUESTS only, recording who decided', async () => {
    const a = await call('POST', '/request', 2, { mediaType: 'movie', mediaId: 194 });
    const b = await call('POST', '/request', 2, { mediaType: 'movie', mediaId: 949 });
    expect((await call('POST', `/request/${String(a.body['id'])}/approve`, 2)).status).toBe(403);
    const approved = await call('POST', `/request/${String(a.body['id'])}/approve`, 7);
    expect([approved.status, approved.body['status'], (approved.body['modifiedBy'] as { id: number }).id]).toEqual([
      200, 2, 7,
    ]);
    expect((await call('POST', `/request/${String(b.body['id'])}/decline`)).body['status']).toBe(3);
    expect(emu.violations).toEqual([]);
    expect(emu.requestViolations).toEqual([]);
  });

  it('files, lists, comments, resolves and reopens issues', async () => {
    const mediaId = emu.state.media.get(603)?.id;
    expect((await call('POST', '/issue', 5, { issueType: 1, message: 'x', mediaId })).status).toBe(403);
    const created = await call('POST', '/issue', 2, { issueType: 2, message: 'no sound', mediaId, problemSeason: 0 });
    expect(created.status).toBe(201);
    const id = Number(created.body['id']);
    expect((await call('POST', `/issue/${id}/comment`, 7, { message: 'on it' })).body['comments']).toHaveLength(2);
    expect((await call('POST', `/issue/${id}/resolved`, 2)).status).toBe(403);
    expect((await call('POST', `/issue/${id}/resolved`, 7)).body['status']).toBe(2);
    expect((await call('POST', `/issue/${id}/open`)).body['status']).toBe(1);
    const list = await call('GET', '/issue?take=10&skip=0&sort=modified&filter=all');
    expect((list.body['results'] as { id: number }[]).map((i) => i.id)).toEqual([id]);
    expect(emu.violations).toEqual([]);
    expect(emu.requestViolations).toEqual([]);
  });

  it('reports requests that break the contract (a status outside the enum, a body of the wrong type)', async () => {
    await call('POST', '/request/1/frobnicate', 7);
    await call('POST', '/issue', 2, { issueType: 'audio', message: 'x', mediaId: 1 });
    expect(emu.requestViolations.join('\n')).toContain(
      'POST /request/{requestId}/{status} path status: / must be equal to one of the allowed values',
    );
    expect(emu.requestViolations.join('\n')).toMatch(/POST \/issue body: \/issueType must be number/);
  });

  it('posts the default JSON template for each change, issue and comment blocks included', async () => {
    const types = () => received.map((r) => r['notification_type']);
    await expect
      .poll(types, { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([
          'MEDIA_PENDING',
          'MEDIA_APPROVED',
          'MEDIA_DECLINED',
          'ISSUE_CREATED',
          'ISSUE_COMMENT',
          'ISSUE_RESOLVED',
          'ISSUE_REOPENED',
        ]),
      );
    const comment = received.find((r) => r['notification_type'] === 'ISSUE_COMMENT');
    expect(comment).toMatchObject({
      auth: 'secret-header',
      issue: { issue_type: 'Audio', reportedBy_username: 'fran' },
      comment: { comment_message: 'on it', commentedBy_username: 'olga' },
    });
    expect(emu.webhooks.every((w) => w.status === 202)).toBe(true);
  });
});
