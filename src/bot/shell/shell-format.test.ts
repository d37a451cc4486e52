import { describe, expect, it } from 'vitest';
import { formatShellMessage, placeLabel } from './shell-format.js';

describe('formatShellMessage', () => {
  it('prints the place, text lines, attachments with their text and numbered buttons', () => {
    const numbers = new Map([['act:a', 4], ['act:b', 5]]);
    const text = formatShellMessage(placeLabel('shell', '3'), {
      text: 'Pong\nsecond line',
      attachments: [{ filename: 'ping.txt', content: 'hello\n' }],
      buttons: [{ id: 'act:a', label: 'Approve', style: 'success' }, { id: 'act:b', label: 'Revert', style: 'danger', disabled: true }],
    }, (id) => numbers.get(id) ?? 0);
    expect(text).toBe([
      '[thread #3] Pong', '    second line', '    📎 ping.txt (6 bytes)', '      | hello', '    [4] Approve  [5] Revert (disabled)', '',
    ].join('\n'));
  });

  it('labels channel messages without a thread', () => {
    expect(formatShellMessage(placeLabel('shell'), { text: 'hi' }, () => 1, ' (edit m1)')).toBe('[#shell] (edit m1) hi\n');
  });
});
