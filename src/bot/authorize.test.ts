import { describe, expect, it } from 'vitest';
import type { ChatUser } from '../chat/chat-port.js';
import { authorize, refusalMessage, resolveRole, type AccessConfig } from './authorize.js';

const access: AccessConfig = {
  people: [
    { name: 'alice', role: 'operator', discordId: '111', slackId: 'UALICE' },
    { name: 'kid', role: 'family', discordId: '222', slackId: 'UKID' },
  ],
  roles: { operator: { discordRoleIds: ['R-OP'] }, family: { discordRoleIds: ['R-FAM'] } },
};
const user = (platform: ChatUser['platform'], id: string, roleIds: string[] = []): ChatUser => ({
  platform,
  id,
  roleIds,
});

describe('resolveRole', () => {
  it('maps platform user ids to one role across Discord and Slack', () => {
    expect(resolveRole(user('discord', '111'), access)).toBe('operator');
    expect(resolveRole(user('slack', 'UKID'), access)).toBe('family');
    expect(resolveRole(user('slack', '111'), access)).toBeUndefined();
  });

  it('falls back to Discord role ids, operator first, and ignores role ids elsewhere', () => {
    expect(resolveRole(user('discord', '999', ['R-FAM', 'R-OP']), access)).toBe('operator');
    expect(resolveRole(user('discord', '999', ['R-FAM']), access)).toBe('family');
    expect(resolveRole(user('slack', 'U9', ['R-OP']), access)).toBeUndefined();
  });

  it('person entry wins over held Discord roles', () => {
    expect(resolveRole(user('discord', '222', ['R-OP']), access)).toBe('family');
  });
});

describe('authorize', () => {
  it('lets operators do everything and family only family things', () => {
    expect(authorize('operator', 'operator')).toBe(true);
    expect(authorize('operator', 'family')).toBe(true);
    expect(authorize('family', 'family')).toBe(true);
    expect(authorize('family', 'operator')).toBe(false);
    expect(authorize(undefined, 'family')).toBe(false);
  });
});

describe('refusalMessage', () => {
  it('tells unknown users who to ask and which id to give', () => {
    expect(refusalMessage(user('slack', 'UX'), undefined, '/ping', access)).toBe(
      "I don't know you yet — ask alice to add your slack id (UX) to the people table.",
    );
  });

  it('points family members at the media commands', () => {
    expect(refusalMessage(user('discord', '222'), 'family', '/drift audit', access)).toMatch(
      /^\/drift audit is for the operator; you can use \/request/,
    );
  });
});
