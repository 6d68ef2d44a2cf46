import type { Analysis } from '../analyze';
import { defineRule, type FixRequest, type Report } from './rule';
import { placeholderFills, t, type CoreAction, type OffsetEdit } from '../fixes/actions';
import type { DraftContext } from '../context';
import { fillValue } from '../fixes/fill';
import { messages } from '../messages';
import { anyHit, memoOnFacts, NONE, spanInBlock, type LocatedBlock } from '../model';
import type { Catalog } from '../catalog/compile';
import { whitespaceBefore } from '../text/normalize';

interface Payload {
  placeholder: string;
  /** The front matter's value for it, when there is one: the fix's replacement. */
  fill?: string;
}

/** `unresolved-placeholder`: 〔 省 〕, [乙], 年 月 日, 第 条, 「n」 … left in the draft's text. */
function check(ctx: DraftContext): Array<Report<Payload>> {
  const { catalog, locale } = ctx;
  const out: Array<Report<Payload>> = [];
  for (const b of ctx.blocks) {
    if (!b.facts.hits.length) continue;
    const kept = placeholdersIn(ctx.text, b, catalog);
    for (const f of kept) {
      const [start, end] = spanInBlock(ctx.text, b, f.start, f.end);
      const def = catalog.def.placeholders[f.name];
      const fill = fillValue(f.name, ctx.fill);
      const canFill = fill !== undefined && def.fill !== undefined;
      out.push({
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
  return out;
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
  docs: 'A template blank is left: 〔 省 〕, [ 省 ], [甲], [乙], [情報システム/ソフトウェア], 年 月 日, 第 条, 「n」, （略） or a drafting instruction. Fix: the value from the front matter, when known.',
  check,
  fixes,
  replaces: 'finding',
  groupEditAllowed,
});
