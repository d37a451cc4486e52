import { describe, expect, it } from 'vitest';
import { fallbackText, toSlackBlocks, withoutActions } from './slack-blocks.js';

type AnyBlock = { type: string; text?: { text: string }; elements?: Record<string, unknown>[] };

describe('toSlackBlocks', () => {
  it('splits long text into sections of at most 3000 characters at line breaks', () => {
    const line = 'x'.repeat(999);
    const blocks = toSlackBlocks({ text: Array.from({ length: 7 }, () => line).join('\n') }) as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'section']);
    expect(blocks.every((b) => (b.text?.text.length ?? 0) <= 3000)).toBe(true);
    expect(blocks.map((b) => b.text?.text).join('\n')).toBe(Array.from({ length: 7 }, () => line).join('\n'));
  });

  it('cuts a single line longer than a section hard', () => {
    const blocks = toSlackBlocks({ text: 'y'.repeat(6500) }) as AnyBlock[];
    expect(blocks.map((b) => b.text?.text.length)).toEqual([3000, 3000, 500]);
  });

  it('stays within 50 blocks however long the text is', () => {
    const blocks = toSlackBlocks({
      text: 'z'.repeat(3000 * 60),
      buttons: [{ id: 'act:1', label: 'Go', style: 'primary' }],
    });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('escapes Slack control characters and converts **bold**', () => {
    const [block] = toSlackBlocks({ text: '**Alert** <!channel> & co' }) as AnyBlock[];
    expect(block?.text?.text).toBe('*Alert* &lt;!channel&gt; &amp; co');
  });

  it('maps buttons to action_id = custom id with Slack styles and leaves disabled ones out', () => {
    const blocks = toSlackBlocks({
      text: 'pick',
      buttons: [
        { id: 'act:a', label: 'Approve', style: 'success' },
        { id: 'act:b', label: 'Revert', style: 'danger' },
        { id: 'act:c', label: 'Later', style: 'secondary' },
        { id: 'act:d', label: 'Gone', style: 'primary', disabled: true },
      ],
    }) as AnyBlock[];
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions?.elements?.map((e) => [e['action_id'], e['style']])).toEqual([
      ['act:a', 'primary'],
      ['act:b', 'danger'],
      ['act:c', undefined],
    ]);
    expect(JSON.stringify(blocks.at(-1))).toContain('Gone (no longer available)');
  });

  it('renders a select as static_select, or multi_static_select when more than one value is allowed', () => {
    const options = [
      { label: 'A', value: 'a' },
      { label: 'B', value: 'b', description: 'second' },
    ];
    const single = toSlackBlocks({ text: 't', select: { id: 'act:s', placeholder: 'Pick', options } }) as AnyBlock[];
    const multi = toSlackBlocks({
      text: 't',
      select: { id: 'act:m', placeholder: 'Pick', options, maxValues: 2 },
    }) as AnyBlock[];
    expect(single[1]?.elements?.[0]).toMatchObject({ type: 'static_select', action_id: 'act:s' });
    expect(multi[1]?.elements?.[0]).toMatchObject({
      type: 'multi_static_select',
      action_id: 'act:m',
      max_selected_items: 2,
    });
  });
});

describe('withoutActions', () => {
  it('replaces actions blocks with a used line and keeps the rest', () => {
    const blocks = toSlackBlocks({ text: 'result', buttons: [{ id: 'act:a', label: 'Approve', style: 'primary' }] });
    const after = withoutActions(blocks) as AnyBlock[];
    expect(after.map((b) => b.type)).toEqual(['section', 'context']);
    expect(after[1]?.elements?.[0]?.['text']).toBe('✔ Approve — used');
  });
});

describe('fallbackText', () => {
  it('uses the button labels when there is no text', () => {
    expect(fallbackText({ text: '', buttons: [{ id: 'a', label: 'Yes', style: 'primary' }] })).toBe('Yes');
  });
});
