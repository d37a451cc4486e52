import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { newActionId } from '../store/action-store.js';
import { parseActionId } from './dispatch-action.js';

describe('parseActionId', () => {
  it('accepts act:<22 base64url chars> as issued by the action store', () => {
    const id = newActionId();
    expect(parseActionId(`act:${id}`)).toBe(id);
  });

  it.each([
    'act:short',
    `act:${'A'.repeat(23)}`,
    `act:${'A'.repeat(21)}!`,
    `approve:${'A'.repeat(22)}`,
    `act:${'A'.repeat(22)}\n`,
    '',
  ])('refuses the forged id %j with a clear message', (customId) => {
    expect(() => parseActionId(customId)).toThrow(UserError);
    expect(() => parseActionId(customId)).toThrow(/isn't one I recognise/);
  });
});
