import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';

/** `missing-clause`: a required clause is absent; placed on the front-matter value that requires it. */
export function missingClauses(ctx: DraftContext): Finding[] {
  const { catalog, locale, frontMatter: fm } = ctx;
  const out: Finding[] = [];
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
      code: 'missing-clause',
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
