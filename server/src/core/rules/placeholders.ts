import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { fillValue } from '../fixes/fill';
import { messages } from '../messages';
import { anyHit, memoOnFacts, NONE, spanInBlock, type LocatedBlock } from '../model';
import type { Catalog } from '../catalog/compile';
import { whitespaceBefore } from '../text/normalize';

/** `unresolved-placeholder`: 〔 省 〕, [乙], 年 月 日, 第 条, 「n」 … left in the draft's text. */
export function unresolvedPlaceholders(ctx: DraftContext): Finding[] {
  const { catalog, locale } = ctx;
  const out: Finding[] = [];
  for (const b of ctx.blocks) {
    if (!b.facts.hits.length) continue;
    const kept = placeholdersIn(ctx.text, b, catalog);
    for (const f of kept) {
      const [start, end] = spanInBlock(ctx.text, b, f.start, f.end);
      const def = catalog.def.placeholders[f.name];
      const fill = fillValue(f.name, ctx.fill);
      const canFill = fill !== undefined && def.fill !== undefined;
      out.push({
        code: 'unresolved-placeholder',
        severity: 'warning',
        message: messages.unresolvedPlaceholder(locale, {
          text: ctx.text.slice(start, end),
          label: locale === 'ja' ? def.label : def.label_en,
          fill: canFill ? fill : undefined,
        }),
        start,
        end,
        data: canFill ? { placeholder: f.name, fill } : { placeholder: f.name },
      });
    }
  }
  out.push(...frontMatterPlaceholders(ctx));
  return out;
}

/**
 * Placeholders left as values in the front matter (`organization: 〔 省 〕`, `乙: '[乙]'`, as the
 * skeleton snippet inserts them): the front matter would fill the draft with them. Literal
 * occurrences of the catalog's placeholder texts in the values (after each `key:`), comments aside.
 */
function frontMatterPlaceholders(ctx: DraftContext): Finding[] {
  const fm = ctx.frontMatter;
  if (!fm.readable) return [];
  const [from, to] = fm.span;
  const texts = Object.entries(ctx.catalog.def.placeholders).flatMap(([name, def]) =>
    [def.display, ...(def.also ?? [])].filter((t) => !t.includes('{arg}')).map((t) => ({ name, text: t })),
  );
  const out: Finding[] = [];
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = lineStart;
    while (lineEnd < to && ctx.text.charCodeAt(lineEnd) !== 10 && ctx.text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = ctx.text.slice(lineStart, lineEnd);
    const colon = line.search(/[:：]/);
    const hash = line.search(/(^|\s)#/);
    const valueStart = colon < 0 ? -1 : colon + 1;
    const valueEnd = hash >= 0 && hash > colon ? hash : line.length;
    const taken: Array<[number, number]> = [];
    if (valueStart > 0)
      for (const { name, text } of texts.sort((a, b) => b.text.length - a.text.length)) {
        for (
          let i = line.indexOf(text, valueStart);
          i >= 0 && i + text.length <= valueEnd;
          i = line.indexOf(text, i + 1)
        ) {
          if (taken.some(([s, e]) => i < e && i + text.length > s)) continue;
          taken.push([i, i + text.length]);
          const def = ctx.catalog.def.placeholders[name];
          out.push({
            code: 'unresolved-placeholder',
            severity: 'warning',
            message: messages.unresolvedPlaceholder(ctx.locale, {
              text,
              label: ctx.locale === 'ja' ? def.label : def.label_en,
            }),
            start: lineStart + i,
            end: lineStart + i + text.length,
            data: { placeholder: name },
          });
        }
      }
    lineStart = lineEnd;
    if (ctx.text.charCodeAt(lineStart) === 13) lineStart++;
    if (ctx.text.charCodeAt(lineStart) === 10) lineStart++;
  }
  return out.sort((a, b) => a.start - b.start);
}

interface FoundPlaceholder {
  start: number;
  end: number;
  name: string;
}

const PLACEHOLDERS = 'placeholders';

/** The placeholders of one block (normalised indices), computed once per block. */
function placeholdersIn(text: string, b: LocatedBlock, catalog: Catalog): FoundPlaceholder[] {
  if (!anyHit(b.facts, catalog.detection.placeholderPhrase)) return NONE;
  return memoOnFacts(b.facts, PLACEHOLDERS, () => {
    const facts = b.facts;
    const found: FoundPlaceholder[] = [];
    const hits = facts.hits;
    for (let k = 0; k < hits.length; k += 3) {
      const start = hits[k + 1];
      for (const u of catalog.usages[hits[k]]) {
        if (u.kind !== 'placeholder') continue;
        if (u.requiredGaps.some((g) => !whitespaceBefore(text, facts.norm, start + g, b.start))) continue;
        found.push({ start, end: hits[k + 2], name: u.placeholder });
        break;
      }
    }
    // A placeholder inside a longer one ([納品までに/年 月 日までに] holds 年 月 日) is the longer one.
    return outermost(found);
  });
}

/**
 * `found` without the spans lying inside a longer one, in their order. Sorted by start, longest
 * first, a span is inside a longer one exactly when an earlier span with different bounds
 * reaches at least as far: one sort and one sweep, not a comparison of every pair.
 */
function outermost(found: FoundPlaceholder[]): FoundPlaceholder[] {
  if (found.length < 2) return found;
  const order = found.map((_, i) => i).sort((a, b) => found[a].start - found[b].start || found[b].end - found[a].end);
  const inside = new Uint8Array(found.length);
  let reach = -1; // furthest end among spans before the current group of equal spans
  for (let k = 0; k < order.length;) {
    const { start, end } = found[order[k]];
    let j = k;
    for (; j < order.length && found[order[j]].start === start && found[order[j]].end === end; j++)
      if (reach >= end) inside[order[j]] = 1;
    reach = Math.max(reach, end);
    k = j;
  }
  return found.filter((_, i) => !inside[i]);
}
