import type { DraftContext } from '../context';
import { MAX_WINDOW } from '../markdown/chunked';
import { messages } from '../messages';
import { defineRule, type Report } from './rule';

/** Each stretch read as plain text because it ran past the parse budget, from its first line. */
function check(ctx: DraftContext): Array<Report<{ end: number }>> {
  const text = ctx.text;
  return ctx.limited.map(([start, end]) => {
    let lineEnd = start;
    while (lineEnd < end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    return {
      message: messages.analysisLimited(ctx.locale, end - start, MAX_WINDOW),
      start,
      end: lineEnd,
      data: { end },
    };
  });
}

export default defineRule<{ end: number }>({
  code: 'analysis-limited',
  severity: 'information',
  title: { ja: 'Markdown として読めなかった部分', en: 'Part not read as Markdown' },
  docs: 'A stretch of the draft runs past 32 KB without a safe break (a blank line followed by an unindented line), the parse budget: it was checked as plain text (clause phrases and placeholders are still found; headings, lists and quotes are not recognised). Blank lines between blocks restore the normal check.',
  check,
});
