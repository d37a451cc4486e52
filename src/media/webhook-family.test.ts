import { describe, expect, it } from 'vitest';
import { parseWebhookPayload } from './webhook-payload.js';

// Bodies as Overseerr's webhook agent renders its default JSON template (every value a string).
const media = { media_type: 'movie', tmdbId: '194', tvdbId: '', status: 'PENDING', status4k: 'UNKNOWN' };
const issueBlock = {
  issue_id: '12',
  issue_type: 'Audio',
  issue_status: 'Open',
  reportedBy_email: 'fran@home.lan',
  reportedBy_username: 'fran',
  reportedBy_avatar: '',
  reportedBy_settings_discordId: '200000000000000002',
  reportedBy_settings_telegramChatId: '',
};

describe('parseWebhookPayload: the family loop types', () => {
  it('reads the request id of MEDIA_PENDING from the {{request}} block', () => {
    const body = {
      notification_type: 'MEDIA_PENDING',
      event: 'New Movie Request',
      media,
      request: { request_id: '7' },
    };
    expect(parseWebhookPayload(body)).toEqual({
      kind: 'family',
      job: { kind: 'pending', requestId: 7, source: 'webhook' },
    });
  });

  it('reads ISSUE_* ids from the {{issue}} block, or flat from a custom template', () => {
    for (const type of ['ISSUE_CREATED', 'ISSUE_COMMENT', 'ISSUE_RESOLVED', 'ISSUE_REOPENED'] as const) {
      expect(parseWebhookPayload({ notification_type: type, media, issue: issueBlock, comment: null })).toEqual({
        kind: 'family',
        job: { kind: 'issue', event: type, issueId: 12, source: 'webhook' },
      });
    }
    expect(parseWebhookPayload({ notification_type: 'ISSUE_COMMENT', issue_id: 31 })).toEqual({
      kind: 'family',
      job: { kind: 'issue', event: 'ISSUE_COMMENT', issueId: 31, source: 'webhook' },
    });
  });

  it('accepts an older template without the {{request}} / {{issue}} blocks (the worker looks the lists up)', () => {
    expect(parseWebhookPayload({ notification_type: 'MEDIA_PENDING', subject: 'Amélie (2001)', media })).toEqual({
      kind: 'family',
      job: { kind: 'pending', source: 'webhook' },
    });
    expect(parseWebhookPayload({ notification_type: 'ISSUE_RESOLVED', media, issue: null })).toEqual({
      kind: 'family',
      job: { kind: 'issue', event: 'ISSUE_RESOLVED', source: 'webhook' },
    });
  });

  it('ignores an empty or non-numeric id instead of guessing', () => {
    const body = { notification_type: 'ISSUE_COMMENT', issue: { ...issueBlock, issue_id: 'abc' } };
    expect(parseWebhookPayload(body)).toEqual({
      kind: 'family',
      job: { kind: 'issue', event: 'ISSUE_COMMENT', source: 'webhook' },
    });
  });
});
