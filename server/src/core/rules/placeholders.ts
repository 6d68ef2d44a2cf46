import type { Analysis } from '../analyze';
import { defineRule, type FixRequest, type Report } from './rule';
import { placeholderFills, t, type CoreAction, type OffsetEdit } from '../fixes/actions';
import type { DraftContext } from '../context';
import { fillValue } from '../fixes/fill';
import { localized, messages } from '../messages';
import {
  anyHit,
  forEachUsage,
  memoized,
  memoKey,
  remember,
  spanInBlock,
  type BlockSelector,
  type LocatedBlock,
} from '../model';
import type { Catalog } from '../catalog/compile';
import { MAX_FINDINGS_PER_CODE } from '../findings';
import { whitespaceBefore } from '../text/normalize';

interface Payload {
  placeholder: string;
  /** The front matter's value for it, when there is one: the fix's replacement. */
  fill?: string;
}

/** `unresolved-placeholder`: 〔 省 〕, [乙], 年 月 日, 第 条, 「n」 … left in the draft's text. */
function check(ctx: DraftContext): Array<Report<Payload>> {
  const { catalog, locale } = ctx;
  // In text order: the front matter's first, then the body's block by block.
  const out: Array<Report<Payload>> = frontMatterPlaceholders(ctx);
  let leftOut: Report<Payload> | undefined;
  for (const index of ctx.select(WITH_PLACEHOLDERS)) {
    const b = ctx.blocks[index];
    const found = placeholdersIn(ctx.text, b, catalog);
    const { names } = placeholderNames(catalog);
    for (let k = 0; k < found.length; k += 3) {
      const [start, end] = spanInBlock(ctx.text, b, found[k], found[k + 1]);
      // Past the first MAX_FINDINGS_PER_CODE (in text order) the bound only counts findings
      // (too-many-findings says how many more): one report without message, fill or payload stands
      // where the first one left out is, and every later one is only its start.
      if (leftOut) {
        (leftOut.moreAt ??= []).push(start);
        continue;
      }
      if (out.length >= MAX_FINDINGS_PER_CODE) {
        out.push((leftOut = { message: '', start, end }));
        continue;
      }
      const name = names[found[k + 2]];
      const def = catalog.def.placeholders[name];
      const fill = fillValue(name, ctx.fill);
      const canFill = fill !== undefined && def.fill !== undefined;
      out.push({
        severity: 'warning',
        message: messages.unresolvedPlaceholder(locale, {
          text: ctx.text.slice(start, end),
          label: localized(locale, def, 'label'),
          fill: canFill ? fill : undefined,
        }),
        start,
        end,
        data: canFill ? { placeholder: name, fill } : { placeholder: name },
      });
    }
  }
  return out;
}

const literalTexts = new WeakMap<Catalog, Array<{ name: string; text: string }>>();

/** The catalog's literal placeholder texts, longest first (a stable sort), made once per catalog. */
function placeholderTexts(catalog: Catalog): Array<{ name: string; text: string }> {
  let texts = literalTexts.get(catalog);
  if (!texts) {
    texts = Object.entries(catalog.def.placeholders)
      .flatMap(([name, def]) =>
        [def.display, ...(def.also ?? [])].filter((t) => !t.includes('{arg}')).map((t) => ({ name, text: t })),
      )
      .sort((a, b) => b.text.length - a.text.length);
    literalTexts.set(catalog, texts);
  }
  return texts;
}

/**
 * Placeholders left as values in the front matter (`organization: 〔 省 〕`, `乙: '[乙]'`, as the
 * skeleton snippet inserts them): the front matter would fill the draft with them. Literal
 * occurrences of the catalog's placeholder texts in the values (after each `key:`), comments aside.
 */
function frontMatterPlaceholders(ctx: DraftContext): Array<Report<Payload>> {
  const fm = ctx.frontMatter;
  if (!fm.readable) return [];
  const [from, to] = fm.span;
  const texts = placeholderTexts(ctx.catalog);
  const out: Array<Report<Payload>> = [];
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
      for (const { name, text } of texts) {
        for (
          let i = line.indexOf(text, valueStart);
          i >= 0 && i + text.length <= valueEnd;
          i = line.indexOf(text, i + 1)
        ) {
          if (taken.some(([s, e]) => i < e && i + text.length > s)) continue;
          taken.push([i, i + text.length]);
          const def = ctx.catalog.def.placeholders[name];
          out.push({
            severity: 'warning',
            message: messages.unresolvedPlaceholder(ctx.locale, {
              text,
              label: localized(ctx.locale, def, 'label'),
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

/**
 * A block's placeholders as triples (start, end, index of the name in placeholderNames), sorted by
 * start: kept with the block's facts across edits, so packed (a draft of placeholders kept an
 * object per placeholder, issue 12).
 */
type PackedPlaceholders = Int32Array;
const NO_PLACEHOLDERS: PackedPlaceholders = new Int32Array(0);

const PLACEHOLDERS = memoKey<PackedPlaceholders>('placeholders');

const namesOf = new WeakMap<Catalog, { names: string[]; index: Map<string, number> }>();
/** The catalog's placeholder names, and each one's index in that list (the packed triples' third value). */
function placeholderNames(catalog: Catalog) {
  let table = namesOf.get(catalog);
  if (!table) {
    const names = Object.keys(catalog.def.placeholders);
    namesOf.set(catalog, (table = { names, index: new Map(names.map((n, i) => [n, i])) }));
  }
  return table;
}

/** A block with placeholders left in it (see placeholdersIn). */
const WITH_PLACEHOLDERS: BlockSelector = {
  name: 'placeholders',
  test: (b, text, catalog) => b.facts.hits.length > 0 && placeholdersIn(text, b, catalog).length > 0,
};

/** The placeholders of one block (normalised indices), computed once per block. */
function placeholdersIn(text: string, b: LocatedBlock, catalog: Catalog): PackedPlaceholders {
  if (!anyHit(b.facts, catalog.detection.placeholderPhrase)) return NO_PLACEHOLDERS;
  return memoized(b.facts, PLACEHOLDERS) ?? remember(b.facts, PLACEHOLDERS, findPlaceholders(text, b, catalog));
}

function findPlaceholders(text: string, b: LocatedBlock, catalog: Catalog): PackedPlaceholders {
  const facts = b.facts;
  const found: FoundPlaceholder[] = [];
  forEachUsage(facts, catalog, (u, start, end) => {
    if (u.kind !== 'placeholder') return;
    if (u.requiredGaps.some((g) => !whitespaceBefore(text, facts, start + g, b.start))) return;
    found.push({ start, end, name: u.placeholder });
    return 'next-hit';
  });
  // A placeholder inside a longer one ([納品までに/年 月 日までに] holds 年 月 日) is the longer one.
  // Sorted by start: the bound keeps the first findings by position.
  const kept = outermost(found).sort((x, y) => x.start - y.start);
  if (!kept.length) return NO_PLACEHOLDERS;
  const { index } = placeholderNames(catalog);
  const packed = new Int32Array(kept.length * 3);
  kept.forEach((f, i) => {
    packed[i * 3] = f.start;
    packed[i * 3 + 1] = f.end;
    packed[i * 3 + 2] = index.get(f.name)!;
  });
  return packed;
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

/** 「…で置き換える」, and when the front matter fills several, 「front matter の値ですべて置き換える」. */
function fixes({ analysis, ctx, data, start, end }: FixRequest<Payload>): CoreAction[] {
  const fill = typeof data.fill === 'string' ? data.fill : undefined;
  if (!fill || start === end) return [];
  const one: CoreAction = {
    title: t(ctx.locale, `「${fill}」で置き換える`, `Replace with "${fill}"`),
    kind: 'quickfix',
    isPreferred: true,
    edits: [{ start, end, newText: fill }],
  };
  const all = placeholderFills(analysis);
  if (all.length <= 1) return [one];
  const title = t(
    ctx.locale,
    `front matter の値ですべて置き換える（${all.length} 件）`,
    `Replace all with the front-matter values (${all.length})`,
  );
  return [one, { title, kind: 'quickfix', edits: all }];
}

/** 「すべて置き換える」 replaces exactly another current placeholder finding. */
function groupEditAllowed(analysis: Analysis, edit: OffsetEdit): boolean {
  return analysis.result.diagnostics.some(
    (d) =>
      d.code === 'unresolved-placeholder' &&
      analysis.lines.offsetAt(d.range.start) === edit.start &&
      analysis.lines.offsetAt(d.range.end) === edit.end,
  );
}

export default defineRule<Payload>({
  code: 'unresolved-placeholder',
  severity: 'warning',
  title: { ja: '未記入のプレースホルダ', en: 'Unfilled placeholder' },
  description: {
    ja: '雛形の記入欄（〔 省 〕、[乙]、年 月 日 など）が実際の値に置き換えられていません。',
    en: 'A placeholder of the template (〔 省 〕, [乙], 年 月 日 …) has not been replaced by the actual value.',
  },
  docs: {
    summary:
      'A template blank is left: 〔 省 〕, [ 省 ], [甲], [乙], [情報システム/ソフトウェア], 年 月 日, 第 条, 「n」, （略） or a drafting instruction; or what the skeleton and New draft leave: （記述）, （件名）, (Title), and a front-matter value that is a placeholder (`organization: 〔 省 〕`). Fix: the value from the front matter, when known.',
    ja: '雛形の記入欄が実際の値に置き換えられていません: 〔 省 〕・[ 省 ]・[甲]・[乙]・[情報システム/ソフトウェア]・年 月 日・第 条・「n」・（略）・（…を記述する。）のような記述の指示。\nひな形のスニペットや「新しい草案」が残す（記述）・（件名）・(Title)、front matter の値のままのプレースホルダ（`organization: 〔 省 〕`）も同じです（その値では埋めません）。\n\n**対処**: front matter に値があれば 「『…』で置き換える」、すべてまとめてなら 「front matter の値ですべて置き換える（n 件）」（保存時の `source.fixAll.itaku` も同じ）。\n契約書で [甲]/[乙] があり front matter に `parties` がなければ 「front matter に当事者（parties: 甲・乙）を追加」 で当事者を加えられます（VS Code では名前がタブストップ）。\n',
    en: 'A placeholder of the template has not been replaced by the actual value: 〔 省 〕, [ 省 ], [甲], [乙], [情報システム/ソフトウェア], 年 月 日, 第 条, 「n」, （略） or a drafting instruction.\nSo are what the skeleton snippet and New draft leave — （記述）, （件名）, (Title) — and a front-matter value left as a placeholder (`organization: 〔 省 〕`), which fills nothing.\n\n**Fix**: "Replace with …" when the front matter has the value, or "Replace all with the front-matter values (n)" (also part of `source.fixAll.itaku`).\nIn a contract with [甲]/[乙] and no `parties`, "Add the parties (甲, 乙) to the front matter" adds them (the names are tab stops in VS Code).\n',
    example: '```markdown\n[乙]は、〔 省 〕の情報を漏らしてはならない。\n```\n',
  },
  check,
  fixes,
  replaces: 'finding',
  groupEditAllowed,
});
