import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toOptionSpecs } from './option-specs.js';

describe('toOptionSpecs', () => {
  it('derives name, type, required, description and choices from zod fields', () => {
    const schema = z.object({
      host: z.string().describe('Host name'),
      limit: z.number().int().optional().describe('How many'),
      dry: z.boolean().default(false).describe('Dry run'),
      kind: z.enum(['movie', 'tv']).describe('Media kind'),
    });
    expect(toOptionSpecs(schema)).toEqual([
      { name: 'host', type: 'string', description: 'Host name', required: true },
      { name: 'limit', type: 'integer', description: 'How many', required: false },
      { name: 'dry', type: 'boolean', description: 'Dry run', required: false },
      { name: 'kind', type: 'string', description: 'Media kind', required: true, choices: ['movie', 'tv'] },
    ]);
  });

  it('reads a description set before .optional()', () => {
    const schema = z.object({ q: z.string().describe('Query').optional() });
    expect(toOptionSpecs(schema)[0]).toMatchObject({ description: 'Query', required: false });
  });

  it('rejects non-integer numbers, unsupported types and missing descriptions', () => {
    expect(() => toOptionSpecs(z.object({ n: z.number().describe('n') }))).toThrow(/\.int\(\)/);
    expect(() => toOptionSpecs(z.object({ a: z.array(z.string()).describe('a') }))).toThrow(
      /unsupported zod type "array"/,
    );
    expect(() => toOptionSpecs(z.object({ s: z.string() }))).toThrow(/missing \.describe/);
  });
});
