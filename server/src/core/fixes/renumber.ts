// 「見出し番号を振り直す」: an explicit action (never part of fix-all) that numbers one sequence of
// sibling titles 1, 2, 3, … in order (branch numbers become full numbers) and updates the
// references to them in the text: 第n条 (for articles) and (n)の各項. 前条/次条 stay as they are:
// the order does not change, so they still point at the same article.
import type { DraftContext } from '../context';
import { numberedTitles } from '../numberedTitles';
import type { OffsetEdit } from './actions';
import { formatNumbered, isArticle, numberKey } from './numbering';

const WIDE = '０１２３４５６７８９';
const narrow = (s: string) => s.replace(/[０-９]/g, (d) => String(WIDE.indexOf(d)));

export function renumberEdits(ctx: DraftContext, group: string): OffsetEdit[] {
  const titles = numberedTitles(ctx.text, ctx.blocks).filter((t) => t.group === group);
  if (titles.length < 2) return [];
  const first = titles[0].numbering.value;
  const mapping = new Map<string, number>();
  const edits: OffsetEdit[] = [];
  titles.forEach((t, i) => {
    const value = first + i;
    if (!mapping.has(t.key)) mapping.set(t.key, value);
    const current = ctx.text.slice(t.start, t.end);
    const wanted = formatNumbered({ ...t.numbering, bracket: undefined }, value, '').trimEnd();
    if (current !== wanted) edits.push({ start: t.start, end: t.end, newText: wanted });
  });
  if (!edits.length) return [];
  // References in the body: only where the number is unambiguous (no repeated number).
  const repeated = new Set(titles.map((t) => t.key).filter((k, i, all) => all.indexOf(k) !== i));
  const n = titles[0].numbering;
  const titleSpans = titles.map((t) => [t.start, t.end]);
  const reference = isArticle(n)
    ? /第([0-9０-９]+)条(?:の([0-9０-９]+))?/g
    : n.before.trim() && /^[（(]$/.test(n.before.trim())
      ? /[（(]([0-9０-９]+)(?:の([0-9０-９]+))?[）)](?=の各項|に定め|の規定)/g
      : undefined;
  if (reference) {
    for (const b of ctx.blocks) {
      if (b.facts.kind === 'code' || b.facts.kind === 'html') continue;
      const source = ctx.text.slice(b.start, b.end);
      for (const m of source.matchAll(reference)) {
        const start = b.start + m.index!;
        const end = start + m[0].length;
        if (titleSpans.some(([s, e]) => start < e && s < end)) continue;
        // 地方自治法第234条, 同規則第5条: an article of another text.
        if (/[法令則程例款]$/.test(ctx.text.slice(Math.max(0, start - 1), start))) continue;
        const key = numberKey(Number(narrow(m[1])), m[2] ? Number(narrow(m[2])) : undefined);
        const value = mapping.get(key);
        if (value === undefined || repeated.has(key)) continue;
        const digits = /[０-９]/.test(m[1]) ? [...String(value)].map((d) => WIDE[Number(d)]).join('') : String(value);
        const newText = isArticle(n) ? `第${digits}条` : `${m[0][0]}${digits}${m[0][m[0].length - 1]}`;
        if (newText !== m[0]) edits.push({ start, end, newText });
      }
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}
