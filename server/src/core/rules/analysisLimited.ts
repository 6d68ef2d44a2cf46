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
      message: ctx.plain
        ? messages.analysisStopped(ctx.locale, ctx.plain.budgetSeconds)
        : messages.analysisLimited(ctx.locale, end - start, MAX_WINDOW),
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
  docs: {
    summary:
      'A stretch of the draft runs past 32 KB without a safe break (a blank line followed by an unindented line), the parse budget: it was checked as plain text (clause phrases and placeholders are still found; headings, lists and quotes are not recognised). Blank lines between blocks restore the normal check.',
    ja: '草案の一部が、安全な区切り（空行の後に字下げのない行）なしに 32 KB を超えています。その部分は Markdown ではなく文字列として確認しました（条項の語句とプレースホルダは見つかりますが、見出し・箇条書き・引用は認識しません）。\n\n**対処**: ブロックの間に空行を入れます。\n',
    en: 'A stretch of the draft runs past 32 KB without a safe break (a blank line followed by an unindented line): it was checked as plain text (clause phrases and placeholders are found; headings, lists and quotes are not).\n\n**Fix**: put blank lines between blocks.\n',
  },
  check,
});
