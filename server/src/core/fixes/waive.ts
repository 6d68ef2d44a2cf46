// 「この条項を適用除外にする」: the existing waiver directive, inserted for the author to give the
// reason (as eslint offers "Disable rule for this line").
import type { DraftContext } from '../context';
import { frontMatterEnd } from '../markdown/parse';
import { localized } from '../messages';
import { lineBreakOf } from './insertClause';
import { fixText } from './messages';

export interface WaiverInsertion {
  title: string;
  offset: number;
  /** The directive with a reason to replace, as plain text … */
  text: string;
  /** … and as an LSP snippet whose tab stop is the reason. */
  snippet: string;
}

/** Inserts (`named`: a title naming the clause) `<!-- itaku-disable missing-clause <id> 理由 -->` on its own line just after the front matter. */
export function waiverInsertion(ctx: DraftContext, clauseId: string, named = false): WaiverInsertion | undefined {
  const index = ctx.catalog.clauseIndex.get(clauseId);
  if (index === undefined || ctx.waivers.has(clauseId)) return undefined;
  const clause = ctx.catalog.def.clauses[index];
  const reason = fixText(ctx.locale, 'waiverReason');
  const text = ctx.text;
  const eol = lineBreakOf(text);
  const end = frontMatterEnd(text);
  if (!end) return undefined;
  const atText = end === text.length;
  const closedLine = /(\r\n|\r|\n)$/.test(text.slice(0, end));
  const nextBlank = /^[ \t]*(\r\n|\r|\n|$)/.test(text.slice(end, end + 200));
  const before = closedLine ? (nextBlank && !atText ? eol : '') : eol;
  const after = nextBlank ? (atText ? eol : '') : `${eol}${eol}`;
  const directive = (r: string) => `<!-- itaku-disable missing-clause ${clauseId} ${r} -->`;
  return {
    // Several missing clauses share one squiggle (the category value): then each title names its
    // clause, by its title as the finding does.
    title: named
      ? fixText(ctx.locale, 'waiveNamed', { name: localized(ctx.locale, clause, 'title') })
      : fixText(ctx.locale, 'waiveThis'),
    offset: end,
    text: `${before}${directive(reason)}${after}`,
    snippet: `${escape(before)}${directive(`\${1:${reason}}`)}${escape(after)}$0`,
  };
}

const escape = (s: string) => s.replace(/[$}\\]/g, '\\$&');
