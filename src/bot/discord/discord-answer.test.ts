import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { discordAnswerSealer, openDiscordAnswer, toAnswerError, toDiscordAnswer } from './discord-answer.js';

const token = 'aW50ZXJhY3Rpb246MTQ0NDQ0NDQ0NDQ0NDQ0NDQ6c2VjcmV0LXBhcnQ';
const at = new Date('2026-12-04T12:00:00.000Z');

describe('toDiscordAnswer / openDiscordAnswer', () => {
  it('seals the application id and interaction token for 15 minutes, a pending ephemeral reply', () => {
    const sealer = discordAnswerSealer('bot-token');
    const handle = toDiscordAnswer(sealer, { application_id: '1234', token }, at);
    expect(handle).toMatchObject({ expiresAt: '2026-12-04T12:15:00.000Z', pending: true });
    expect(JSON.stringify(handle)).not.toContain(token);
    if (handle === undefined) throw new Error('no handle');
    expect(openDiscordAnswer(discordAnswerSealer('bot-token'), handle)).toEqual({ applicationId: '1234', token });
  });

  it('has no handle for a packet without ids, and does not open with another bot token', () => {
    const sealer = discordAnswerSealer('bot-token');
    expect(toDiscordAnswer(sealer, { token }, at)).toBeUndefined();
    expect(toDiscordAnswer(sealer, { application_id: '1234' }, at)).toBeUndefined();
    const handle = toDiscordAnswer(sealer, { application_id: '1234', token }, at);
    if (handle === undefined) throw new Error('no handle');
    expect(() => openDiscordAnswer(discordAnswerSealer('rotated-token'), handle)).toThrow(/does not open/);
  });
});

describe('toAnswerError', () => {
  it("keeps Discord's status and code but not the request URL that holds the token", () => {
    const url = `https://discord.com/api/v10/webhooks/1234/${token}/messages/@original`;
    const api = new DiscordAPIError({ code: 50027, message: 'Invalid Webhook Token' }, 50027, 401, 'PATCH', url, {
      body: { content: 'x' },
    });
    const error = toAnswerError(api);
    expect(error.message).toBe('Discord refused the private answer (HTTP 401, code 50027)');
    expect(error.context).toEqual({ status: 401, code: 50027 });
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain(token);
  });
});
