import type { Analysis } from '../analyze';
import { requirementOrigin, wordingOrigin } from '../catalog/origin';
import { renderWording } from '../fixes/fill';
import { wordingChoices } from '../fixes/wording';
import type { Locale } from '../messages';
import { requirementFor, type Requirement } from '../requirements';
import { escapeMarkdown as md, escapeMarkdownInline, markdownCode as code } from '../text/escapeMarkdown';
import type { Position, Range } from '../text/lineIndex';

/** What a hover shows: Markdown (every value from the draft or catalog escaped) over a range. */
export interface HoverInfo {
  markdown: string;
  range: Range;
}

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const LEVEL = {
  ja: { required: '必須', optional: '選択', 'service-included': 'サービスに含まれる', 'not-applicable': '対象外' },
  en: {
    required: 'required',
    optional: 'optional',
    'service-included': 'included in the service',
    'not-applicable': 'not applicable',
  },
} as const;
const FOUND = {
  ja: { heading: '見出し', title: '表題行', body: '本文', marker: 'itaku コメントによる指定' },
  en: { heading: 'a heading', title: 'a title line', body: 'the body text', marker: 'an itaku comment' },
} as const;

function requirementLine(a: Analysis, req: Requirement, locale: Locale, clauseIndex: number): string {
  const cat = a.context.catalog;
  const ja = locale === 'ja';
  const why = req.option
    ? `options.${req.option.name}`
    : req.category
      ? ja
        ? `業務分類「${md(own(cat.def.categories, req.category)?.label ?? req.category)}」`
        : `category "${md(own(cat.def.categories, req.category)?.label_en ?? req.category)}"`
      : '';
  // With a catalog that extends another: which one the cell comes from.
  const origin = requirementOrigin(cat, clauseIndex, req.from, locale);
  return ja
    ? `要否: **${LEVEL.ja[req.level]}**（${md(why)}、根拠: ${md(req.basis)}${origin ? `、出典: ${md(origin)}` : ''}）`
    : `Requirement: **${LEVEL.en[req.level]}** (${md(why)}; basis: ${md(req.basis)}${origin ? `; from ${md(origin)}` : ''})`;
}

/** Hover on a clause: its title, requirement with basis and model wording; on a category: the clauses it requires. */
export function hoverAt(a: Analysis, position: Position, locale: Locale): HoverInfo | undefined {
  const ctx = a.context;
  const cat = ctx.catalog;
  const offset = a.lines.offsetAt(position);
  const ja = locale === 'ja';
  const fm = ctx.frontMatter;
  const entry = fm.categoryEntries.find((e) => e.id && e.span[0] <= offset && offset <= e.span[1]);
  if (entry && ctx.documentType) {
    const category = own(cat.def.categories, entry.id!);
    if (!category) return undefined;
    const rows = cat.clausesFor(ctx.documentType).flatMap((c) => {
      const req = requirementFor(cat, c, ctx.documentType!, [entry.id!], fm.options);
      if (req.level !== 'required') return [];
      const present = ctx.locations.has(cat.clauseIndex.get(c.id)!) || ctx.waivers.has(c.id);
      const origin = requirementOrigin(cat, cat.clauseIndex.get(c.id)!, req.from, locale);
      const from = origin ? (ja ? `（出典: ${md(origin)}）` : ` (from ${md(origin)})`) : '';
      return [`- ${present ? '✓' : '✗'} ${md(ja ? c.title : c.title_en)} — ${md(req.basis)}${from}`];
    });
    const head = ja
      ? `**${md(category.label)}**（${code(entry.id!)}）で必須の条項:`
      : `Clauses required for **${md(category.label_en)}** (${code(entry.id!)}):`;
    return { markdown: [head, '', ...rows].join('\n'), range: a.lines.range(entry.span[0], entry.span[1]) };
  }
  for (const [index, loc] of ctx.locations) {
    if (offset < loc.start || offset > loc.end) continue;
    const clause = cat.def.clauses[index];
    const req = ctx.requirements.get(index);
    if (!req) continue;
    const lines = [
      `**${md(ja ? clause.title : clause.title_en)}** (${code(clause.id)}) — ${md(own(clause.rows, ctx.documentType!) ?? '')}`,
      '',
      requirementLine(a, req, locale, index),
      '',
      ja ? `検出: ${FOUND.ja[loc.by]}` : `Found in ${FOUND.en[loc.by]}`,
    ];
    const evidence = a.result.clauses.find((c) => c.id === clause.id)?.evidence;
    if (evidence) {
      const line = evidence.range.start.line + 1;
      lines.push(
        '',
        ja
          ? `根拠となる記述（${line} 行目）: 「${md(evidence.excerpt)}」`
          : `Evidence (line ${line}): "${md(evidence.excerpt)}"`,
      );
    }
    const preferred = wordingChoices(ctx, clause).find((c) => c.preferred);
    if (preferred) {
      const label = ja ? preferred.wording.label : (preferred.wording.label_en ?? preferred.wording.label);
      const origin = wordingOrigin(cat, index, ctx.documentType!, preferred.wording, locale);
      const from = origin ? (ja ? `（出典: ${md(origin)}）` : ` (from ${md(origin)})`) : '';
      lines.push(
        '',
        ja
          ? `雛形の文言${label ? `（${md(label)}）` : ''}: ${md(preferred.wording.source)}${from}`
          : `Template wording${label ? ` (${md(label)})` : ''}: ${md(preferred.wording.source)}${from}`,
        '',
      );
      // The wording is filled with the draft's own values (organization, parties): every line escaped.
      // A filled value stays on its line (a line break in it cannot start a heading or list).
      const filled = renderWording(preferred.wording.text, ctx.fill, (v) =>
        v.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '),
      );
      lines.push(
        ...filled
          .trim()
          .split(/\r\n|\r|\n/)
          .map((l) => `> ${escapeMarkdownInline(l)}`),
      );
      // The template's drafting note (what 別途定める規則 should contain, what is left out …).
      if (preferred.wording.note)
        lines.push(
          '',
          `${ja ? '注' : 'Note'}: ${escapeMarkdownInline(preferred.wording.note.trim().replace(/\r\n|\r|\n/g, ' '))}`,
        );
    }
    return { markdown: lines.join('\n'), range: a.lines.range(loc.start, loc.end) };
  }
  return undefined;
}
