import type { DraftContext } from '../context';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { numberedTitles, type NumberedTitle } from '../numberedTitles';

/**
 * `numbering`: the author's own numbering repeats a number among siblings (warning) or skips one
 * (information: (2) then (4)). Branch numbers (3の2) are never gaps. The fix renumbers.
 */
export function numberingFindings(ctx: DraftContext): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, NumberedTitle[]>();
  for (const t of numberedTitles(ctx.text, ctx.blocks)) {
    let g = groups.get(t.group);
    if (!g) groups.set(t.group, (g = []));
    g.push(t);
  }
  for (const titles of groups.values()) {
    if (titles.length < 2) continue;
    const seen = new Map<string, NumberedTitle>();
    let previous: NumberedTitle | undefined;
    for (const t of titles) {
      const label = ctx.text.slice(t.start, t.end);
      const first = seen.get(t.key);
      if (first) {
        out.push({
          code: 'numbering',
          severity: 'warning',
          message: messages.duplicateNumber(ctx.locale, label),
          start: t.start,
          end: t.end,
          data: { group: t.group },
          related: [{ start: first.start, end: first.end, message: messages.duplicateNumberFirst(ctx.locale) }],
        });
      } else seen.set(t.key, t);
      if (previous && !t.numbering.branch && t.numbering.value > previous.numbering.value + 1) {
        out.push({
          code: 'numbering',
          severity: 'information',
          message: messages.numberGap(ctx.locale, ctx.text.slice(previous.start, previous.end), label),
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
