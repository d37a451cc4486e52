import { describe, expect, it } from 'vitest';
import { parseWebhookPayload } from './webhook-payload.js';

const available = (over: Record<string, unknown> = {}) => ({
  notification_type: 'MEDIA_AVAILABLE',
  event: 'Movie Request Now Available',
  subject: 'The Matrix (1999)',
  media: { media_type: 'movie', tmdbId: '603', tvdbId: '', status: 'AVAILABLE', status4k: 'UNKNOWN' },
  request: { request_id: '42', requestedBy_settings_discordId: '200000000000000002', requestedBy_username: 'fran' },
  issue: null,
  comment: null,
  extra: [],
  ...over,
});

describe('parseWebhookPayload (Overseerr default JSON template)', () => {
  it('turns string values into a typed notice', () => {
    expect(parseWebhookPayload(available())).toEqual({
      kind: 'notice',
      notice: {
        event: 'MEDIA_AVAILABLE',
        requestId: 42,
        mediaType: 'movie',
        tmdbId: 603,
        is4k: false,
        subject: 'The Matrix (1999)',
        requester: { discordId: '200000000000000002' },
        source: 'webhook',
      },
    });
  });

  it('marks 4K events and leaves out an empty Discord id', () => {
    const intent = parseWebhookPayload(
      available({
        notification_type: 'MEDIA_DECLINED',
        event: '4K Movie Request Declined',
        request: { request_id: '7', requestedBy_settings_discordId: '' },
      }),
    );
    expect(intent).toMatchObject({
      kind: 'notice',
      notice: { event: 'MEDIA_DECLINED', is4k: true, requestId: 7, requester: {} },
    });
  });

  it('accepts an unquoted id from a custom template', () => {
    const intent = parseWebhookPayload(available({ media: { media_type: 'movie', tmdbId: 603 } }));
    expect(intent).toMatchObject({ kind: 'notice', notice: { tmdbId: 603, requestId: 42 } });
  });

  it("accepts Overseerr's older default template: {{media}} only, no request block and no event", () => {
    const old = {
      notification_type: 'MEDIA_AVAILABLE',
      subject: 'M*A*S*H (1972)',
      message: '…',
      image: '',
      email: 'fran@home.lan',
      username: 'fran',
      avatar: '',
      media: { media_type: 'tv', tmdbId: '918', imdbId: '', tvdbId: '70994', status: 'AVAILABLE', status4k: 'UNKNOWN' },
      extra: [],
    };
    expect(parseWebhookPayload(old)).toEqual({
      kind: 'notice',
      notice: {
        event: 'MEDIA_AVAILABLE',
        mediaType: 'tv',
        tmdbId: 918,
        tvdbId: 70994,
        is4k: false,
        subject: 'M*A*S*H (1972)',
        requester: {},
        source: 'webhook',
      },
    });
  });

  it('accepts flat keys and a TVDB id alone', () => {
    expect(parseWebhookPayload({ notification_type: 'MEDIA_APPROVED', media_tvdbid: '70994' })).toMatchObject({
      kind: 'notice',
      notice: { tvdbId: 70994 },
    });
  });

  it('refuses a media event that carries neither media id, naming the missing field', () => {
    const intent = parseWebhookPayload(
      available({ media: { media_type: 'movie', tmdbId: '', tvdbId: '' }, request: null }),
    );
    expect(intent.kind).toBe('invalid');
    expect(intent.kind === 'invalid' ? intent.message : '').toContain('missing field media.tmdbId (or media.tvdbId)');
  });

  it('answers test notifications and ignores other types', () => {
    expect(parseWebhookPayload({ notification_type: 'TEST_NOTIFICATION', media: null, request: null })).toEqual({
      kind: 'test',
    });
    expect(parseWebhookPayload({ notification_type: 'MEDIA_AUTO_APPROVED' })).toEqual({
      kind: 'ignored',
      type: 'MEDIA_AUTO_APPROVED',
    });
    expect(parseWebhookPayload({ notification_type: 'SOMETHING_NEW', media: null })).toEqual({
      kind: 'ignored',
      type: 'SOMETHING_NEW',
    });
    expect(parseWebhookPayload([1, 2]).kind).toBe('invalid');
  });
});
