import { describe, expect, it } from 'vitest';
import { formatShellMessage, placeLabel } from './shell-format.js';

describe('formatShellMessage', () => {
  it('prints the place, text lines, attachments with their text and numbered buttons', () => {
    const numbers = new Map([
      ['act:a', 4],
      ['act:b', 5],
    ]);
    const text = formatShellMessage(
      placeLabel('shell', '3'),
      {
        text: 'Pong\nsecond line',
        attachments: [{ filename: 'ping.txt', content: 'hello\n' }],
        buttons: [
          { id: 'act:a', label: 'Approve', style: 'success' },
          { id: 'act:b', label: 'Revert', style: 'danger', disabled: true },
        ],
      },
      (id) => numbers.get(id) ?? 0,
    );
    expect(text).toBe(
      [
        '[thread #3] Pong',
        '    second line',
        '    📎 ping.txt (6 bytes)',
        '      | hello',
        '    [4] Approve  [5] Revert (disabled)',
        '',
      ].join('\n'),
    );
  });

  it('numbers a select menu and its options, saying how to pick', () => {
    const seen: (readonly string[] | undefined)[] = [];
    const text = formatShellMessage(
      placeLabel('shell', '2'),
      {
        text: 'Pick one',
        select: {
          id: 'act:s',
          placeholder: 'Choose a title',
          maxValues: 2,
          options: [
            { label: 'Amélie (2001)', value: '194', description: 'available' },
            { label: 'M*A*S*H', value: '918' },
          ],
        },
      },
      (_id, values) => {
        seen.push(values);
        return 7;
      },
    );
    expect(text).toBe(
      [
        '[thread #2] Pick one',
        '    [7] Choose a title: type "7 1" or "7 1,2" (up to 2)',
        '      (1) Amélie (2001) · available',
        '      (2) M*A*S*H',
        '',
      ].join('\n'),
    );
    expect(seen).toEqual([['194', '918']]);
  });

  it('labels channel messages without a thread', () => {
    expect(formatShellMessage(placeLabel('shell'), { text: 'hi' }, () => 1, ' (edit m1)')).toBe(
      '[#shell] (edit m1) hi\n',
    );
  });
});
