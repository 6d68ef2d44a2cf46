import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { withoutClosingHashes } from '../text/trim';

/** `empty-clause`: a heading names a clause of the draft's type, but nothing is written under it. */
export function emptyClauses(ctx: DraftContext): Finding[] {
  const { catalog, locale } = ctx;
  const out: Finding[] = [];
  for (const e of ctx.emptyHeadings) {
    const req = ctx.requirements.get(e.clause);
    if (!req || req.level === 'not-applicable') continue;
    const clause = catalog.def.clauses[e.clause];
    if (ctx.waivers.has(clause.id)) continue;
    const heading = withoutClosingHashes(ctx.text.slice(e.start, e.end).replace(/^\s*#{1,6}\s*/, ''))
      .trimEnd()
      .replace(/\s+/g, ' ');
    out.push({
      code: 'empty-clause',
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
