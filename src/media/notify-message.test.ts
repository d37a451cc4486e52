import { describe, expect, it } from 'vitest';
import { noticeMessage, plexLink } from './notify-message.js';
import { requesterRecipient } from './notify-recipients.js';

describe('notice texts and recipients', () => {
  it("moves Overseerr's Plex deep link onto the configured Plex Web address, or searches there", () => {
    const deep = 'https://app.plex.tv/desktop#!/server/abc/details?key=%2Flibrary%2Fmetadata%2F9';
    expect(plexLink('https://plex.home', { title: 'Heat', plexUrl: deep })).toBe(
      'https://plex.home/web/index.html#!/server/abc/details?key=%2Flibrary%2Fmetadata%2F9',
    );
    expect(plexLink('https://plex.home', { title: "Schindler's List" })).toBe(
      "https://plex.home/web/index.html#!/search?query=Schindler's%20List",
    );
    expect(plexLink(undefined, { title: 'Heat', plexUrl: deep })).toBeUndefined();
  });

  it('words each event for the requester and adds the link only to "available"', () => {
    const base = { is4k: false, title: 'Heat (1995)', plexLink: 'https://plex.home/x' };
    expect(noticeMessage({ ...base, event: 'MEDIA_AVAILABLE' }, 'requester').text).toBe(
      '🍿 Heat (1995), which you requested, is now available on Plex.\nWatch: https://plex.home/x',
    );
    expect(noticeMessage({ ...base, event: 'MEDIA_DECLINED', is4k: true }, 'requester').text).toBe(
      '🚫 Your request for Heat (1995) (4K) was declined. Ask an admin if you think that is a mistake.',
    );
    expect(noticeMessage({ ...base, event: 'MEDIA_APPROVED' }, 'requester').text).not.toContain('Watch');
  });

  it('maps the Overseerr requester to one chat user: people table first, Discord before Slack', () => {
    const people = [
      { name: 'ann', role: 'family' as const, discordId: '111111111111111111', slackId: 'U0ANN', overseerrUserId: 7 },
      { name: 'bo', role: 'family' as const, slackId: 'U0BO', overseerrUserId: 8 },
    ];
    const both = new Set(['discord', 'slack'] as const);
    expect(requesterRecipient({ overseerrUserId: 7, discordIds: [] }, people, both)).toEqual({
      platform: 'discord',
      userId: '111111111111111111',
      why: 'requester',
    });
    expect(
      requesterRecipient({ overseerrUserId: 7, discordIds: [] }, people, new Set(['slack'] as const)),
    ).toMatchObject({ platform: 'slack', userId: 'U0ANN' });
    expect(requesterRecipient({ overseerrUserId: 8, discordIds: [] }, people, both)).toMatchObject({
      platform: 'slack',
      userId: 'U0BO',
    });
    expect(requesterRecipient({ overseerrUserId: 9, discordIds: ['222222222222222222'] }, people, both)).toMatchObject({
      platform: 'discord',
      userId: '222222222222222222',
    });
    expect(requesterRecipient({ overseerrUserId: 9, discordIds: [] }, people, both)).toBeUndefined();
  });
});
