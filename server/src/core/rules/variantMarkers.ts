import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { markersIn, spanInBlock } from '../model';

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
