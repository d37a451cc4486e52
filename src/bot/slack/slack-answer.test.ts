import { describe, expect, it } from 'vitest';
import { slackAnswerSealer, toSlackAnswer } from './slack-answer.js';

const url = 'https://hooks.slack.com/commands/T0FAKE001/1234567890/abcDEF123ghiJKL456';
const at = new Date('2026-12-04T12:00:00.000Z');

describe('toSlackAnswer', () => {
  it('seals the response_url for 30 minutes, with nothing pending (Slack acks empty)', () => {
    const sealer = slackAnswerSealer('xoxb-bot');
    const handle = toSlackAnswer(sealer, url, at);
    expect(handle).toMatchObject({ expiresAt: '2026-12-04T12:30:00.000Z', pending: false });
    expect(JSON.stringify(handle)).not.toContain('abcDEF123ghiJKL456');
    expect(sealer.open(handle?.sealedToken ?? '')).toBe(url);
    expect(slackAnswerSealer('xoxb-other').open(handle?.sealedToken ?? '')).toBeUndefined();
  });

  it('has no handle without a response_url', () => {
    const sealer = slackAnswerSealer('xoxb-bot');
    expect(toSlackAnswer(sealer, undefined, at)).toBeUndefined();
    expect(toSlackAnswer(sealer, '', at)).toBeUndefined();
  });
});
