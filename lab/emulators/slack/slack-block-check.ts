/**
 * The Block Kit limits real Slack enforces with `invalid_blocks`, so the adapter cannot pass
 * tests with messages Slack would reject: ≤ 50 blocks, section text ≤ 3000 chars, ≤ 25
 * elements per actions block, action_id ≤ 255, button text ≤ 75, ≤ 100 select options.
 */
export function checkBlocks(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return `too many blocks: ${blocks.length} > 50`;
  for (const [i, block] of blocks.entries()) {
    const problem = checkBlock(block as Record<string, unknown>);
    if (problem !== undefined) return `block ${i}: ${problem}`;
  }
  return undefined;
}

function checkBlock(block: Record<string, unknown>): string | undefined {
  switch (block['type']) {
    case 'section':
      return checkText(block['text'], 3000);
    case 'context':
      return Array.isArray(block['elements']) && block['elements'].length <= 10
        ? undefined
        : 'context needs 1-10 elements';
    case 'divider':
      return undefined;
    case 'header':
      return checkText(block['text'], 150);
    case 'actions':
      return checkActions(block['elements']);
    default:
      return `unsupported block type ${String(block['type'])}`;
  }
}

function checkText(text: unknown, max: number): string | undefined {
  const t = text as { type?: unknown; text?: unknown } | undefined;
  if (t === undefined || typeof t.text !== 'string' || t.text.length === 0) return 'text is required';
  if (t.type !== 'mrkdwn' && t.type !== 'plain_text') return 'text.type must be mrkdwn or plain_text';
  return t.text.length > max ? `text longer than ${max} characters` : undefined;
}

function checkActions(elements: unknown): string | undefined {
  if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) return 'actions need 1-25 elements';
  for (const el of elements as Record<string, unknown>[]) {
    const id = el['action_id'];
    if (typeof id !== 'string' || id.length === 0 || id.length > 255) return 'action_id must be 1-255 chars';
    const problem = el['type'] === 'button' ? checkText(el['text'], 75) : checkSelect(el);
    if (problem !== undefined) return problem;
  }
  const ids = (elements as Record<string, unknown>[]).map((e) => e['action_id']);
  return new Set(ids).size === ids.length ? undefined : 'duplicate action_id in one block';
}

function checkSelect(el: Record<string, unknown>): string | undefined {
  if (el['type'] !== 'static_select' && el['type'] !== 'multi_static_select')
    return `unsupported element ${String(el['type'])}`;
  const options = el['options'];
  if (!Array.isArray(options) || options.length === 0 || options.length > 100) return 'select needs 1-100 options';
  return checkText(el['placeholder'], 150);
}
