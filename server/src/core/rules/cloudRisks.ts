import { defineRule, type Report } from './rule';
import type { DraftContext } from '../context';
import { localized, messages } from '../messages';
import { forEachUsage, sentenceOf } from '../model';
import { fullMask } from '../catalog/compile';

/** `cloud-risk-unaddressed`: for cloud drafts, the 表5 cautions the text never addresses. */
function check(ctx: DraftContext): Array<Report<{ items: number[] }>> {
  const { catalog, locale } = ctx;
  const risks = catalog.def.cloudRisks;
  if (!ctx.frontMatter.categories.includes(risks.category)) return [];
  const addressed = new Set<number>();
  for (const b of ctx.blocks) {
    const terms = new Map<string, number>();
    forEachUsage(b.facts, catalog, (u, start) => {
      if (u.kind !== 'risk' || addressed.has(u.item)) return;
      const key = `${u.item}:${u.group}:${sentenceOf(b.facts, start)}`;
      const bits = (terms.get(key) ?? 0) | (1 << u.term);
      terms.set(key, bits);
      if (bits === fullMask(catalog.riskGroupSizes[u.item][u.group])) addressed.add(u.item);
    });
  }
  const missing = risks.items.filter((_, i) => !addressed.has(i));
  if (!missing.length) return [];
  const fm = ctx.frontMatter;
  const span = fm.categoryEntries.find((e) => e.id === risks.category)?.span ?? fm.categorySpan ?? fm.span;
  return [
    {
      severity: 'information',
      message: messages.cloudRisks(
        locale,
        risks.basis,
        missing.map((m) => ({ id: m.id, short: localized(locale, m, 'short') })),
      ),
      start: span[0],
      end: span[1],
      clause: risks.clause,
      data: { items: missing.map((m) => m.id) },
    },
  ];
}

export default defineRule<{ items: number[] }>({
  code: 'cloud-risk-unaddressed',
  severity: 'information',
  title: {
    ja: '約款サービスの留意事項（表5）が扱われていない',
    en: 'Cautions for standard-terms services (表5) not addressed',
  },
  description: {
    ja: '約款による外部サービスを使う場合の留意事項（雛形の表5）が草案で扱われていません。',
    en: 'Cautions for external services on standard terms (表5 of the template) are not addressed in the draft.',
  },
  docs: {
    summary: 'For `cloud`: which of the 18 cautions of 表5 the draft does not address.',
    ja: '業務分類 `cloud`（約款による情報処理サービス）で、雛形の表5 の留意事項 18 項目のうち草案が扱っていないものを示します。\n',
    en: 'For the `cloud` category: the cautions of 表5 (18 items) that the draft does not address.\n',
  },
  check,
});
