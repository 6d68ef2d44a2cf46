import { excerptOf, type Analysis } from '../analyze';
import { clauseHeading, type Locale } from '../messages';
import type { Range } from '../text/lineIndex';
import { headingText } from '../text/trim';

/** One outline entry: a section (a heading that states no clause) or a clause (its heading or its evidence). */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: 'section' | 'clause';
  range: Range;
  selectionRange: Range;
  children?: OutlineSymbol[];
}

/** Outline: the draft's sections (headings) with the clauses found in them, named by clause. */
export function outlineOf(a: Analysis, locale: Locale): OutlineSymbol[] {
  const ctx = a.context;
  const cat = ctx.catalog;
  const text = ctx.text;
  const clauseAt = new Map<number, number[]>();
  for (const [index, loc] of ctx.locations) {
    const list = clauseAt.get(loc.block) ?? [];
    list.push(index);
    clauseAt.set(loc.block, list);
  }
  const root: OutlineSymbol[] = [];
  const stack: Array<{ depth: number; symbol: OutlineSymbol }> = [];
  const endOf = (i: number, depth: number) => {
    for (let j = i + 1; j < ctx.blocks.length; j++)
      if (ctx.blocks[j].facts.kind === 'heading' && ctx.blocks[j].facts.depth <= depth) return ctx.blocks[j].start;
    return text.length;
  };
  const name = (i: number) => {
    const c = cat.def.clauses[i];
    return clauseHeading(locale, c);
  };
  ctx.blocks.forEach((b, i) => {
    const clauses = clauseAt.get(i) ?? [];
    if (b.facts.kind === 'heading') {
      const title = headingText(text.slice(b.start, b.end)).text.split(/\r?\n/)[0].trim() || '…';
      while (stack.length && stack[stack.length - 1].depth >= b.facts.depth) stack.pop();
      const symbol: OutlineSymbol = {
        name: title,
        detail: clauses.map((c) => cat.def.clauses[c].id).join(', ') || undefined,
        kind: clauses.length ? 'clause' : 'section',
        range: a.lines.range(b.start, Math.max(b.end, trimEnd(text, endOf(i, b.facts.depth)))),
        selectionRange: a.lines.range(b.start, b.end),
        children: [],
      };
      (stack.length ? stack[stack.length - 1].symbol.children! : root).push(symbol);
      stack.push({ depth: b.facts.depth, symbol });
      return;
    }
    for (const c of clauses) {
      const loc = ctx.locations.get(c)!;
      // The evidence (the sentence that states the clause) is what the outline selects and shows.
      const symbol: OutlineSymbol = {
        name: name(c),
        detail: `${cat.def.clauses[c].id} — ${excerptOf(text, loc.evidence[0], loc.evidence[1])}`,
        kind: 'clause',
        range: a.lines.range(b.start, b.end),
        // LSP wants the selection inside the range: evidence from a later block (a title's section) falls back to the block.
        selectionRange:
          loc.evidence[0] >= b.start && loc.evidence[1] <= b.end
            ? a.lines.range(loc.evidence[0], loc.evidence[1])
            : a.lines.range(b.start, b.end),
      };
      (stack.length ? stack[stack.length - 1].symbol.children! : root).push(symbol);
    }
  });
  return root;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
