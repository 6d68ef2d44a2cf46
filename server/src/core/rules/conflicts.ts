import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { spanInBlock } from '../model';
import { optionValue } from '../requirements';

interface Signal {
  variant: string;
  start: number;
  end: number;
  text: string;
}

/**
 * `conflicting-variants`: wording of two alternatives the template says to choose between (再委託を
 * 禁止 / 認める) is present, or the text contradicts the front matter's option for that choice.
 */
export function conflictingVariants(ctx: DraftContext): Finding[] {
  const { catalog, locale } = ctx;
  const ja = locale === 'ja';
  const out: Finding[] = [];
  catalog.def.clauses.forEach((clause, index) => {
    if (!clause.variants || !ctx.requirements.has(index)) return;
    const first = new Map<string, Signal>();
    for (const b of ctx.blocks) {
      if (!b.facts.hits.length) continue;
      const voided = new Set<string>();
      const found: Signal[] = [];
      for (const hit of b.facts.hits) {
        for (const u of catalog.usages[hit.phrase]) {
          if ((u.kind !== 'variant' && u.kind !== 'unless') || u.clause !== index) continue;
          if (u.kind === 'unless') voided.add(u.variant);
          else {
            const [start, end] = spanInBlock(ctx.text, b, hit.start, hit.end);
            found.push({ variant: u.variant, start, end, text: ctx.text.slice(start, end) });
          }
        }
      }
      for (const s of found) if (!voided.has(s.variant) && !first.has(s.variant)) first.set(s.variant, s);
    }
    const title = ja ? clause.title : clause.title_en;
    const signals = [...first.values()].sort((a, b) => a.start - b.start);
    if (signals.length >= 2) {
      const [a, b] = signals;
      out.push({
        code: 'conflicting-variants',
        severity: 'warning',
        message: messages.conflictingVariants(locale, { title, first: a.text, second: b.text }),
        start: b.start,
        end: b.end,
        clause: clause.id,
        data: { clause: clause.id, variants: [a.variant, b.variant] },
        related: [{ start: a.start, end: a.end, message: messages.conflictOther(locale) }],
      });
    }
    for (const s of signals) {
      const link = clause.variants[s.variant].option;
      if (!link) continue;
      const chosen = optionValue(catalog, ctx.frontMatter.options, link.option);
      if (chosen === undefined || chosen === link.is) continue;
      const option = catalog.def.options[link.option];
      const valueDef = typeof chosen === 'string' ? option?.values?.[chosen] : undefined;
      const optionSpan = ctx.frontMatter.optionSpans[link.option];
      out.push({
        code: 'conflicting-variants',
        severity: 'warning',
        message: messages.contradictsOption(locale, { title, text: s.text, option: link.option, value: String(chosen), valueLabel: valueDef ? (ja ? valueDef.label : valueDef.label_en) : String(chosen) }),
        start: s.start,
        end: s.end,
        clause: clause.id,
        data: { clause: clause.id, variants: [s.variant], option: link.option },
        related: optionSpan ? [{ start: optionSpan[0], end: optionSpan[1], message: `options.${link.option}: ${String(chosen)}` }] : undefined,
      });
    }
  });
  return out;
}
