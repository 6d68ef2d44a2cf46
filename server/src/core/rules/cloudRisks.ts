import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { sentenceOf } from '../model';
import { fullMask } from '../catalog/compile';

/** `cloud-risk-unaddressed`: for cloud drafts, the 表5 cautions the text never addresses. */
export function cloudRisks(ctx: DraftContext): Finding[] {
  const { catalog, locale } = ctx;
  const risks = catalog.def.cloudRisks;
  if (!ctx.frontMatter.categories.includes(risks.category)) return [];
  const addressed = new Set<number>();
  for (const b of ctx.blocks) {
    const terms = new Map<string, number>();
    const hits = b.facts.hits;
    for (let k = 0; k < hits.length; k += 3) {
      for (const u of catalog.usages[hits[k]]) {
        if (u.kind !== 'risk' || addressed.has(u.item)) continue;
        const key = `${u.item}:${u.group}:${sentenceOf(b.facts, hits[k + 1])}`;
        const bits = (terms.get(key) ?? 0) | (1 << u.term);
        terms.set(key, bits);
        if (bits === fullMask(catalog.riskGroupSizes[u.item][u.group])) addressed.add(u.item);
      }
    }
  }
  const missing = risks.items.filter((_, i) => !addressed.has(i));
  if (!missing.length) return [];
  const fm = ctx.frontMatter;
  const span = fm.categoryEntries.find((e) => e.id === risks.category)?.span ?? fm.categorySpan ?? fm.span;
  return [
    {
      code: 'cloud-risk-unaddressed',
      severity: 'information',
      message: messages.cloudRisks(
        locale,
        risks.basis,
        missing.map((m) => ({ id: m.id, short: locale === 'ja' ? m.short : m.short_en })),
      ),
      start: span[0],
      end: span[1],
      clause: 'cloud-terms',
      data: { items: missing.map((m) => m.id) },
    },
  ];
}
