import { defineRule, type Report } from './rule';
import { clauseInsertions } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';

/** `missing-clause`: a required clause is absent; placed on the front-matter value that requires it. */
function check(ctx: DraftContext): Array<Report<{ clause: string }>> {
  const { catalog, locale, frontMatter: fm } = ctx;
  const out: Array<Report<{ clause: string }>> = [];
  for (const [index, req] of ctx.requirements) {
    if (req.level !== 'required' || ctx.locations.has(index)) continue;
    const clause = catalog.def.clauses[index];
    if (ctx.waivers.has(clause.id)) continue;
    const ja = locale === 'ja';
    let span: [number, number] | undefined;
    let reason: string;
    if (req.option) {
      span = fm.optionSpans[req.option.name];
      const value = Array.isArray(req.option.value) ? `[${req.option.value.join(', ')}]` : String(req.option.value);
      reason = messages.reasonOption(locale, req.option.name, value);
    } else {
      const category = catalog.def.categories[req.category!];
      reason = messages.reasonCategory(locale, ja ? category.label : category.label_en);
    }
    span ??=
      fm.categoryEntries.find((e) => e.id === req.category)?.span ?? fm.categorySpan ?? fm.documentSpan ?? fm.span;
    const row = clause.rows[ctx.documentType!];
    out.push({
      severity: 'warning',
      message: messages.missingClause(locale, {
        title: ja ? clause.title : clause.title_en,
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
  docs: 'A required clause is absent. It sits on the front-matter `category` value that requires it (or on the option that does), and names the clause, the category and the basis. Fix: insert the model wording.',
  check,
  fixes: ({ ctx, data }) => (typeof data.clause === 'string' ? clauseInsertions(ctx, data.clause) : []),
});
