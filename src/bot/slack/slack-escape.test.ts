import type { AnyBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { fallbackText, toSlackBlocks, withoutActions } from './slack-blocks.js';

const hostile = '<!channel> <!here> <!everyone> <@U0ALICE01> <#C0CHAN001> <https://x.example|click> & <3';
const escaped =
  '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U0ALICE01&gt; &lt;#C0CHAN001&gt; &lt;https://x.example|click&gt; &amp; &lt;3';

interface TextBlock {
  readonly type: string;
  readonly text?: { readonly text: string };
  readonly elements?: { readonly text?: string }[];
}

describe('Slack escaping of &, < and > everywhere text is mrkdwn', () => {
  it('escapes a title or container name in the section text and in the fallback text', () => {
    const message = { text: `drift in ${hostile}` };
    const [block] = toSlackBlocks(message) as TextBlock[];
    expect(block?.text?.text).toBe(`drift in ${escaped}`);
    expect(fallbackText(message)).toBe(`drift in ${escaped}`);
  });

  it('escapes button labels when they become the fallback text or the "used" line', () => {
    const message = { text: '', buttons: [{ id: 'act:a', label: '<!channel>', style: 'primary' as const }] };
    expect(fallbackText(message)).toBe('&lt;!channel&gt;');
    const used = withoutActions(toSlackBlocks(message)) as TextBlock[];
    expect(used.at(-1)?.elements?.[0]?.text).toBe('✔ &lt;!channel&gt; — used');
  });

  it('leaves no raw < or > in any mrkdwn text of a message full of mentions', () => {
    const blocks = toSlackBlocks({
      text: hostile,
      buttons: [{ id: 'act:b', label: hostile, style: 'danger' }],
    }) as AnyBlock[];
    const mrkdwn = JSON.stringify(blocks.filter((b) => b.type !== 'actions'));
    expect(mrkdwn).not.toMatch(/<[!@#h]/);
  });
});
