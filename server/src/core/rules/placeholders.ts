import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { fillValue } from '../fixes/fill';
import { messages } from '../messages';
import { spanInBlock } from '../model';
import { whitespaceBefore } from '../text/normalize';

/** `unresolved-placeholder`: 〔 省 〕, [乙], 年 月 日, 第 条, 「n」 … left in the draft's text. */
export function unresolvedPlaceholders(ctx: DraftContext): Finding[] {
  const { catalog, locale } = ctx;
  const out: Finding[] = [];
  for (const b of ctx.blocks) {
    const facts = b.facts;
    if (!facts.hits.length) continue;
    const found: Array<{ start: number; end: number; name: string; display: string }> = [];
    for (const hit of facts.hits) {
      for (const u of catalog.usages[hit.phrase]) {
        if (u.kind !== 'placeholder') continue;
        if (u.requiredGaps.some((g) => !whitespaceBefore(ctx.text, facts.norm, hit.start + g, b.start))) continue;
        found.push({ start: hit.start, end: hit.end, name: u.placeholder, display: u.display });
        break;
      }
    }
    // A placeholder inside a longer one ([納品までに/年 月 日までに] holds 年 月 日) is the longer one.
    const kept = found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start));
    for (const f of kept) {
      const [start, end] = spanInBlock(ctx.text, b, f.start, f.end);
      const def = catalog.def.placeholders[f.name];
      const fill = fillValue(f.name, ctx.fill);
      const canFill = fill !== undefined && def.fill !== undefined;
      out.push({
        code: 'unresolved-placeholder',
        severity: 'warning',
        message: messages.unresolvedPlaceholder(locale, { text: ctx.text.slice(start, end), label: locale === 'ja' ? def.label : def.label_en, fill: canFill ? fill : undefined }),
        start,
        end,
        data: canFill ? { placeholder: f.name, fill } : { placeholder: f.name },
      });
    }
  }
  return out;
}
