import type { Analysis } from '../analyze';
import { requirementOrigin, wordingOrigin } from '../catalog/origin';
import { renderWording } from '../fixes/fill';
import { wordingChoices, wordingLabel } from '../fixes/wording';
import { localized, type Locale } from '../messages';
import { requirementFor, type Requirement } from '../requirements';
import { escapeMarkdown as md, escapeMarkdownInline, markdownCode as code } from '../text/escapeMarkdown';
import type { Position, Range } from '../text/lineIndex';
import { featureText as say, levelLabel, type FeatureTextKey } from './messages';

/** What a hover shows: Markdown (every value from the draft or catalog escaped) over a range. */
export interface HoverInfo {
  markdown: string;
  range: Range;
}

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const FOUND: Record<'heading' | 'title' | 'body' | 'marker', FeatureTextKey> = {
  heading: 'foundHeading',
  title: 'foundTitle',
  body: 'foundBody',
  marker: 'foundMarker',
};

function requirementLine(a: Analysis, req: Requirement, locale: Locale, clauseIndex: number): string {
  const cat = a.context.catalog;
  const category = req.category ? own(cat.def.categories, req.category) : undefined;
  const why = req.option
    ? `options.${req.option.name}`
    : req.category
      ? say(locale, 'hoverWhyCategory', { label: md(category ? localized(locale, category, 'label') : req.category) })
      : '';
  // With a catalog that extends another: which one the cell comes from.
  const origin = requirementOrigin(cat, clauseIndex, req.from, locale);
  return say(locale, why ? 'hoverRequirement' : 'hoverRequirementNoWhy', {
    level: levelLabel(locale, req.level),
    why: md(why),
    basis: md(req.basis),
    origin: origin ? say(locale, 'hoverRequirementOrigin', { origin: md(origin) }) : '',
  });
}

/** Hover on a clause: its title, requirement with basis and model wording; on a category: the clauses it requires. */
export function hoverAt(a: Analysis, position: Position, locale: Locale): HoverInfo | undefined {
  const ctx = a.context;
  const cat = ctx.catalog;
  const offset = a.lines.offsetAt(position);
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
      const from = origin ? say(locale, 'hoverFrom', { origin: md(origin) }) : '';
      return [`- ${present ? '✓' : '✗'} ${md(localized(locale, c, 'title'))} — ${md(req.basis)}${from}`];
    });
    const head = say(locale, 'hoverCategoryHead', {
      label: md(localized(locale, category, 'label')),
      id: code(entry.id!),
    });
    return { markdown: [head, '', ...rows].join('\n'), range: a.lines.range(entry.span[0], entry.span[1]) };
  }
  for (const [index, loc] of ctx.locations) {
    if (offset < loc.start || offset > loc.end) continue;
    const clause = cat.def.clauses[index];
    const req = ctx.requirements.get(index);
    if (!req) continue;
    const lines = [
      `**${md(localized(locale, clause, 'title'))}** (${code(clause.id)}) — ${md(own(clause.rows, ctx.documentType!) ?? '')}`,
      '',
      requirementLine(a, req, locale, index),
      '',
      say(locale, 'hoverFound', { by: say(locale, FOUND[loc.by]) }),
    ];
    const evidence = a.result.clauses.find((c) => c.id === clause.id)?.evidence;
    if (evidence) {
      const line = evidence.range.start.line + 1;
      lines.push('', say(locale, 'hoverEvidence', { line, excerpt: md(evidence.excerpt) }));
    }
    const preferred = wordingChoices(ctx, clause).find((c) => c.preferred);
    if (preferred) {
      const label = wordingLabel(locale, preferred.wording);
      const origin = wordingOrigin(cat, index, ctx.documentType!, preferred.wording, locale);
      const from = origin ? say(locale, 'hoverFrom', { origin: md(origin) }) : '';
      lines.push(
        '',
        say(locale, 'hoverWording', {
          label: label ? say(locale, 'hoverWordingLabel', { label: md(label) }) : '',
          source: md(preferred.wording.source),
          from,
        }),
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
          say(locale, 'noteLine', {
            note: escapeMarkdownInline(preferred.wording.note.trim().replace(/\r\n|\r|\n/g, ' ')),
          }),
        );
    }
    return { markdown: lines.join('\n'), range: a.lines.range(loc.start, loc.end) };
  }
  return undefined;
}
