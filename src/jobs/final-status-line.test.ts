import { describe, expect, it } from 'vitest';
import { finalStatusLine } from './run-job.js';

describe('finalStatusLine', () => {
  it('matches the result posted in the thread: no "✅ Done" under a ❌ or ⚠️ report', () => {
    expect(finalStatusLine('ok', '/ping')).toBe('✅ Done: /ping');
    expect(finalStatusLine('warning', '/catalog')).toBe('⚠️ Done: /catalog');
    expect(finalStatusLine('failed', '/drift audit')).toBe('❌ Done: /drift audit');
    expect(finalStatusLine('error', '/health')).toBe('💥 Done: /health');
    expect(finalStatusLine('refused', '/drift audit')).toBe('🚫 Refused: /drift audit');
  });
});
