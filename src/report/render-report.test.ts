import { describe, expect, it } from 'vitest';
import { renderReport } from './render-report.js';

describe('renderReport', () => {
  it('renders title with status icon, summary, fields, lines, attachments and buttons', () => {
    const message = renderReport(
      {
        title: 'Pong',
        status: 'ok',
        summary: 'all good',
        fields: [{ name: 'Worker', value: 'w1' }],
        lines: ['a', 'b'],
        attachments: [{ filename: 'p.txt', content: 'x' }],
        actions: [{ id: 'act:1', label: 'Ack', style: 'primary' }],
      },
      'discord',
    );
    expect(message.text).toBe('✅ **Pong**\nall good\n**Worker:** w1\na\nb');
    expect(message.attachments?.[0]?.filename).toBe('p.txt');
    expect(message.buttons?.[0]?.label).toBe('Ack');
  });

  it('moves long output into a file named after the title on Discord', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `service-${i} drifted`);
    const message = renderReport({ title: 'Drift audit: ct-01', status: 'warning', lines }, 'discord');
    expect(message.text.length).toBeLessThanOrEqual(2000);
    expect(message.attachments?.[0]?.filename).toBe('drift-audit-ct-01.txt');
    expect(String(message.attachments?.[0]?.content)).toContain('service-499 drifted');
  });
});
