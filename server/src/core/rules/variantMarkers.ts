import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { memoOnFacts, NONE, spanInBlock, type BlockFacts } from '../model';

/** `unresolved-variant`: a 【…の場合】 choice marker of the template is still in the draft. */
export function unresolvedVariants(ctx: DraftContext): Finding[] {
  const out: Finding[] = [];
  for (const b of ctx.blocks) {
    for (const [open, close] of markersIn(b.facts)) {
      const [start, end] = spanInBlock(ctx.text, b, open, close + 1);
      const marker = ctx.text.slice(start, end);
      out.push({
        code: 'unresolved-variant',
        severity: 'warning',
        message: messages.unresolvedVariant(ctx.locale, marker.replace(/\s+/g, ' ')),
        start,
        end,
        data: { marker },
      });
    }
  }
  return out;
}

const MARKERS = 'variant-markers';

/** 【…の場合】 markers of one block as [open, close] normalised indices, computed once per block. */
function markersIn(facts: BlockFacts): Array<[number, number]> {
  if (facts.norm.text.indexOf('【') < 0) return NONE;
  return memoOnFacts(facts, MARKERS, () => {
    const found: Array<[number, number]> = [];
    const text = facts.norm.text;
    let open = text.indexOf('【');
    while (open >= 0) {
      const close = text.indexOf('】', open + 1);
      if (close < 0) break;
      const inner = text.slice(open + 1, close);
      if (!inner.includes('【') && inner.length <= 120 && inner.endsWith('場合')) found.push([open, close]);
      open = text.indexOf('【', close + 1);
    }
    return found;
  });
}
