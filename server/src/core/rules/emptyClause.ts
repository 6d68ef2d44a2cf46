import { defineRule, type Report } from './rule';
import { clauseInsertions } from '../fixes/actions';
import type { DraftContext } from '../context';
import { localized, messages } from '../messages';
import { headingText } from '../text/trim';

/** `empty-clause`: a heading names a clause of the draft's type, but nothing is written under it. */
function check(ctx: DraftContext): Array<Report<{ clause: string }>> {
  const { catalog, locale } = ctx;
  const out: Array<Report<{ clause: string }>> = [];
  for (const e of ctx.emptyHeadings) {
    const req = ctx.requirements.get(e.clause);
    if (!req || req.level === 'not-applicable') continue;
    const clause = catalog.def.clauses[e.clause];
    if (ctx.waivers.has(clause.id)) continue;
    const heading = headingText(ctx.text.slice(e.start, e.end)).text.trimEnd().replace(/\s+/g, ' ');
    out.push({
      severity: 'warning',
      message: messages.emptyClause(locale, { heading, title: localized(locale, clause, 'title') }),
      start: e.start,
      end: e.end,
      clause: clause.id,
      data: { clause: clause.id },
    });
  }
  return out;
}

export default defineRule<{ clause: string }>({
  code: 'empty-clause',
  severity: 'warning',
  title: { ja: '条項の見出しだけで本文がない', en: 'A clause heading with no text' },
  docs: {
    summary:
      'A heading (or title line) names a clause but has no text under it, so the clause does not count as present. It sits on the heading. Fix: insert the model wording under it.',
    ja: '見出し（または 第n条（…） のような表題行）が条項の名前を示していますが、その下に本文がありません。見出しだけでは条項があることになりません。\n\n**対処**: クイックフィックスで、その見出しの下に雛形の文言を入れます（新しい見出しは作りません）。\n',
    en: 'A heading (or a title line such as 第n条（…）) names a clause but has no text under it; a heading alone does not make the clause present.\n\n**Fix**: the quick fix writes the template wording under that heading (no second heading).\n',
    example:
      '```markdown\n### (3) 再委託        ← 見出し「(3) 再委託」は条項「再委託に関する事項」を示していますが、本文がありません。\n\n### (4) 情報セキュリティ監査\n```\n',
  },
  check,
  fixes: ({ ctx, data }) => (typeof data.clause === 'string' ? clauseInsertions(ctx, data.clause) : []),
});
