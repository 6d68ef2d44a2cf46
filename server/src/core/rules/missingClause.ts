import { defineRule, type Report } from './rule';
import { clauseInsertions } from '../fixes/actions';
import type { DraftContext } from '../context';
import { localized, messages } from '../messages';

/** `missing-clause`: a required clause is absent; placed on the front-matter value that requires it. */
function check(ctx: DraftContext): Array<Report<{ clause: string }>> {
  const { catalog, locale, frontMatter: fm } = ctx;
  const out: Array<Report<{ clause: string }>> = [];
  for (const [index, req] of ctx.requirements) {
    if (req.level !== 'required' || ctx.locations.has(index)) continue;
    const clause = catalog.def.clauses[index];
    if (ctx.waivers.has(clause.id)) continue;
    let span: [number, number] | undefined;
    let reason: string;
    if (req.option) {
      span = fm.optionSpans[req.option.name];
      const value = Array.isArray(req.option.value) ? `[${req.option.value.join(', ')}]` : String(req.option.value);
      reason = messages.reasonOption(locale, req.option.name, value);
    } else {
      const category = catalog.def.categories[req.category!];
      reason = messages.reasonCategory(locale, localized(locale, category, 'label'));
    }
    span ??=
      fm.categoryEntries.find((e) => e.id === req.category)?.span ?? fm.categorySpan ?? fm.documentSpan ?? fm.span;
    const row = clause.rows[ctx.documentType!];
    out.push({
      severity: 'warning',
      message: messages.missingClause(locale, {
        title: localized(locale, clause, 'title'),
        row,
        reason,
        basis: req.basis,
      }),
      start: span[0],
      end: span[1],
      clause: clause.id,
      data: { clause: clause.id },
    });
  }
  return out;
}

export default defineRule<{ clause: string }>({
  code: 'missing-clause',
  severity: 'warning',
  title: { ja: '必須条項がない', en: 'A required clause is missing' },
  description: {
    ja: 'NISC の雛形が、この文書種別と業務分類で必須とする条項が草案にありません。クイックフィックスで雛形の文言を挿入できます。',
    en: 'A clause that the NISC template requires for this document type and category is not in the draft. A quick fix inserts the template wording.',
  },
  docs: {
    summary:
      'A required clause is absent. It sits on the front-matter `category` value that requires it (or on the option that does), and names the clause, the category and the basis. Fix: insert the model wording.',
    ja: '文書種別と業務分類（とオプション）から NISC の雛形が必須とする条項が、草案のどこにも書かれていません。\n指摘は front matter の `category` の値（オプションで必須になった条項ならそのオプション）に付き、条項名・業務分類・根拠（表1(7); 第Ⅰ部6.3.2 など）を示します。\n\n**対処**: クイックフィックス（Ctrl+.）で雛形の文言を挿入します。直前の条項の後に、草案の番号の付け方（`### (n)`、`第n条の2`、箇条書き）で入り、〔 省 〕・[甲]・[乙] は front matter の値で埋まります。\n書かれているのに見つからない場合は、その段落で 「この段落を『…』として扱う」 を選ぶか、`<!-- itaku: clause <id> -->` を段落の前に書きます。\n適用しない理由があれば 「この条項を適用除外にする（理由を記入）」 で `<!-- itaku-disable missing-clause <id> 理由 -->` を入れます。\n',
    en: 'A clause that the NISC template requires for the document type and categories (and options) is not stated anywhere in the draft.\nThe finding sits on the front-matter `category` value (or on the option that made the clause required) and names the clause, the category and the basis.\n\n**Fix**: the quick fix (Ctrl+.) inserts the template wording after the preceding clause, numbered in the draft\'s style, with 〔 省 〕, [甲] and [乙] filled from the front matter.\nIf the clause is there but not recognised, use "Treat this paragraph as …" or write `<!-- itaku: clause <id> -->` before it; to waive it, "Waive this clause (enter the reason)".\n',
    example:
      '```markdown\n---\ndocument: 調達仕様書\ncategory: build        ← 必須条項「再委託に関する事項」（表1(10)）がありません。\n---\n```\n',
  },
  check,
  fixes: ({ ctx, data }) => (typeof data.clause === 'string' ? clauseInsertions(ctx, data.clause) : []),
});
