import type { Analysis } from '../analyze';
import type { OffsetEdit } from '../fixes/actions';
import { defineRule, type Report } from './rule';
import { t } from '../fixes/actions';
import { renumberEdits } from '../fixes/renumber';
import type { DraftContext } from '../context';
import { messages } from '../messages';
import { numberedTitles, type NumberedTitle } from '../numberedTitles';

/**
 * `numbering`: the author's own numbering repeats a number among siblings (warning) or skips one
 * (information: (2) then (4)). Branch numbers (3の2) are never gaps. The fix renumbers.
 */
function check(ctx: DraftContext): Array<Report<{ group: string }>> {
  const out: Array<Report<{ group: string }>> = [];
  const groups = new Map<string, NumberedTitle[]>();
  for (const t of numberedTitles(ctx.text, ctx.blocks, ctx.select)) {
    let g = groups.get(t.group);
    if (!g) groups.set(t.group, (g = []));
    g.push(t);
  }
  for (const titles of groups.values()) {
    if (titles.length < 2) continue;
    const seen = new Map<string, NumberedTitle>();
    let previous: NumberedTitle | undefined;
    for (const t of titles) {
      const first = seen.get(t.key);
      if (first) {
        out.push({
          severity: 'warning',
          message: messages.duplicateNumber(ctx.locale, ctx.text.slice(t.start, t.end)),
          start: t.start,
          end: t.end,
          data: { group: t.group },
          related: [{ start: first.start, end: first.end, message: messages.duplicateNumberFirst(ctx.locale) }],
        });
      } else seen.set(t.key, t);
      if (previous && !t.numbering.branch && t.numbering.value > previous.numbering.value + 1) {
        out.push({
          severity: 'information',
          message: messages.numberGap(
            ctx.locale,
            ctx.text.slice(previous.start, previous.end),
            ctx.text.slice(t.start, t.end),
          ),
          start: t.start,
          end: t.end,
          data: { group: t.group },
        });
      }
      previous = t;
    }
  }
  return out;
}

/** Numerals (and the の of a branch number): all 「見出し番号を振り直す」 may replace, and with. */
const NUMERAL =
  /^[0-9０-９一二三四五六七八九十百千]+[条項号節章]?(?:の[0-9０-９一二三四五六七八九十百千]+)?[条項号節章]?$/;

/** Renumbering replaces a number with a number and nothing else. */
function groupEditAllowed(analysis: Analysis, edit: OffsetEdit): boolean {
  const text = analysis.context.text;
  // What differs, once the brackets and 第…条 around the number that both keep are set aside, is a number.
  let before = text.slice(edit.start, edit.end);
  let after = edit.newText;
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p] && !NUMERAL.test(before[p])) p++;
  let q = 0;
  while (
    q < before.length - p &&
    q < after.length - p &&
    before[before.length - 1 - q] === after[after.length - 1 - q] &&
    !NUMERAL.test(before[before.length - 1 - q])
  )
    q++;
  before = before.slice(p, before.length - q);
  after = after.slice(p, after.length - q);
  return NUMERAL.test(before) && NUMERAL.test(after);
}

export default defineRule<{ group: string }>({
  code: 'numbering',
  severity: 'warning',
  otherSeverity: 'information',
  title: { ja: '見出し番号の重複・欠番', en: 'Repeated or skipped heading number' },
  docs: {
    summary:
      "The draft's own numbering repeats a number among sibling headings or articles (warning; the first use is related information) or skips one, (2) then (4) (information). Branch numbers (第3条の2, (3の2)) are neither. Fix: 「見出し番号を振り直す」 renumbers that sequence and the references to it (第n条, (n)の各項). itaku's own insertions never repeat a number: they take a branch number when the next one is taken.",
    ja: '草案自身の番号で、同じ階層の見出しや条が同じ番号を繰り返している（警告。最初の使用箇所を関連情報に示す）か、番号が飛んでいます（(2) の次が (4)。情報）。枝番号（第3条の2、(3の2)）はどちらにも当たりません。\n\n**対処**: 「見出し番号を振り直す」で、その並びと本文中の参照（第n条、(n)の各項）を振り直します（前条や他の法令の第n条はそのまま）。itaku が挿入する条項は番号を重複させず、次の番号が使われていれば枝番号を使います。\n',
    en: "The draft's own numbering repeats a number among sibling headings or articles (warning; the first use is related information) or skips one, (2) then (4) (information). Branch numbers (第3条の2, (3の2)) are neither.\n\n**Fix**: \"Renumber the headings\" renumbers that sequence and the references to it (第n条, (n)の各項; 前条 and other laws' articles stay). itaku's own insertions never repeat a number.\n",
  },
  check,
  fixes({ ctx, data }) {
    const edits = typeof data.group === 'string' ? renumberEdits(ctx, data.group) : [];
    return edits.length
      ? [{ title: t(ctx.locale, '見出し番号を振り直す', 'Renumber the headings'), kind: 'quickfix', edits }]
      : [];
  },
  groupEditAllowed,
});
