import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../store/action-store.js';
import type { RunRecord } from '../store/run-store.js';
import type { InboundAction } from './inbound.js';
import { actionRunId } from './dispatch-action.js';
import { checkOrigin, checkOwner, checkPlace } from './dispatch-place.js';

const places = { discord: { workspaceId: 'G1', channelIds: ['C1'] } };
const user = { platform: 'discord' as const, id: 'U1', roleIds: [] };
const click = (over: Partial<InboundAction> = {}): InboundAction => ({
  platform: 'discord',
  user,
  customId: 'act:x',
  values: [],
  message: { platform: 'discord', channelId: 'C1', messageId: 'M1' },
  workspaceId: 'G1',
  invocationId: 'i1',
  ...over,
});
const record = (over: Partial<ActionRecord> = {}): ActionRecord => ({
  id: 'A'.repeat(22),
  kind: 'k',
  label: 'Go',
  style: 'primary',
  payload: {},
  role: 'family',
  singleUse: true,
  createdBy: { platform: 'discord', id: 'U1' },
  runId: 'r1',
  createdAt: '',
  expiresAt: '',
  status: 'pending',
  origin: { platform: 'discord', workspaceId: 'G1', channelId: 'C1', messageId: 'M1' },
  ...over,
});

describe('checkPlace', () => {
  it('accepts the configured guild and channel, and anything on an unrestricted platform', () => {
    expect(() => {
      checkPlace(places, { platform: 'discord', workspaceId: 'G1', channelId: 'C1' });
    }).not.toThrow();
    expect(() => {
      checkPlace(places, { platform: 'shell', channelId: 'x' });
    }).not.toThrow();
  });

  it('refuses another guild, a DM (no guild) and a channel that is not configured', () => {
    for (const where of [
      { workspaceId: 'G2', channelId: 'C1' },
      { channelId: 'C1' },
      { workspaceId: 'G1', channelId: 'C2' },
    ]) {
      expect(() => {
        checkPlace(places, { platform: 'discord', ...where });
      }).toThrow(expect.objectContaining({ code: 'wrong-place' }));
    }
  });
});

describe('checkOrigin', () => {
  it('accepts a click on the message the action was posted on', () => {
    expect(() => {
      checkOrigin(record(), undefined, click());
    }).not.toThrow();
  });

  it('refuses a click from another message, channel, guild or platform', () => {
    const others: Partial<InboundAction>[] = [
      { message: { platform: 'discord', channelId: 'C1', messageId: 'M2' } },
      { message: { platform: 'discord', channelId: 'C2', messageId: 'M1' } },
      { workspaceId: 'G2' },
      { platform: 'slack', message: { platform: 'slack', channelId: 'C1', messageId: 'M1' } },
    ];
    for (const over of others)
      expect(() => {
        checkOrigin(record(), undefined, click(over));
      }).toThrow(expect.objectContaining({ code: 'action-elsewhere' }));
  });

  it('falls back to the run channel for records without an origin', () => {
    const { origin: _origin, ...legacy } = record();
    const parent = { platform: 'discord', channelId: 'C1' } as RunRecord;
    expect(() => {
      checkOrigin(legacy, parent, click());
    }).not.toThrow();
    expect(() => {
      checkOrigin(legacy, parent, click({ message: { platform: 'discord', channelId: 'C9', messageId: 'M1' } }));
    }).toThrow();
  });
});

describe('checkOwner and actionRunId', () => {
  it('lets only the payload owner use an owned button, and anyone an unowned one', () => {
    const owned = record({ payload: { owner: { platform: 'discord', id: 'U2', name: 'fran' } } });
    expect(() => {
      checkOwner(owned, click());
    }).toThrow(/fran's request/);
    expect(() => {
      checkOwner(owned, click({ user: { ...user, id: 'U2' } }));
    }).not.toThrow();
    expect(() => {
      checkOwner(record(), click());
    }).not.toThrow();
  });

  it('gives a single-use button one run and a reusable one a run per click', () => {
    expect(actionRunId(record(), click())).toBe(actionRunId(record(), click({ invocationId: 'i2' })));
    const reusable = record({ singleUse: false });
    expect(actionRunId(reusable, click())).not.toBe(actionRunId(reusable, click({ invocationId: 'i2' })));
    expect(actionRunId(reusable, click())).toBe(actionRunId(reusable, click()));
  });
});
