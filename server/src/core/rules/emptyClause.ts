import { defineRule, type Report } from './rule';
import { clauseInsertions } from '../fixes/actions';
import type { DraftContext } from '../context';
import { messages } from '../messages';
import { withoutClosingHashes } from '../text/trim';

/** `empty-clause`: a heading names a clause of the draft's type, but nothing is written under it. */
function check(ctx: DraftContext): Array<Report<{ clause: string }>> {
  const { catalog, locale } = ctx;
  const out: Array<Report<{ clause: string }>> = [];
  for (const e of ctx.emptyHeadings) {
    const req = ctx.requirements.get(e.clause);
    if (!req || req.level === 'not-applicable') continue;
    const clause = catalog.def.clauses[e.clause];
    if (ctx.waivers.has(clause.id)) continue;
    const heading = withoutClosingHashes(ctx.text.slice(e.start, e.end).replace(/^\s*#{1,6}\s*/, ''))
      .trimEnd()
      .replace(/\s+/g, ' ');
    out.push({
      severity: 'warning',
      message: messages.emptyClause(locale, { heading, title: locale === 'ja' ? clause.title : clause.title_en }),
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
  docs: 'A heading (or title line) names a clause but has no text under it, so the clause does not count as present. It sits on the heading. Fix: insert the model wording under it.',
  check,
  fixes: ({ ctx, data }) => (typeof data.clause === 'string' ? clauseInsertions(ctx, data.clause) : []),
});
