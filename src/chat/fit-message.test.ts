import { describe, expect, it } from 'vitest';
import { fitMessage } from './fit-message.js';

describe('fitMessage', () => {
  it('leaves short messages alone', () => {
    const message = { text: 'hello' };
    expect(fitMessage(message, 'discord')).toBe(message);
  });

  it('cuts long Discord text at a line boundary under 2000 and attaches the full text', () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(10)}`).join('\n');
    const fitted = fitMessage({ text, attachments: [{ filename: 'a.diff', content: 'd' }] }, 'discord', 'audit.txt');
    expect(fitted.text.length).toBeLessThanOrEqual(2000);
    expect(fitted.text).toMatch(/^line 0 /);
    expect(fitted.text.endsWith('… full output attached as audit.txt')).toBe(true);
    expect(
      fitted.text
        .split('\n')
        .slice(0, -1)
        .every((l) => text.includes(l)),
    ).toBe(true);
    expect(fitted.attachments?.map((a) => a.filename)).toEqual(['audit.txt', 'a.diff']);
    expect(fitted.attachments?.[0]?.content).toBe(text);
  });

  it('uses the Slack section limit and never cuts for the shell', () => {
    const text = 'y'.repeat(2500);
    expect(fitMessage({ text }, 'slack').text).toBe(text);
    expect(fitMessage({ text: 'z'.repeat(3500) }, 'slack').text.length).toBeLessThanOrEqual(3000);
    expect(fitMessage({ text: 'z'.repeat(50_000) }, 'shell').attachments).toBeUndefined();
  });
});
