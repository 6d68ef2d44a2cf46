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
      message: !ctx.plain
        ? messages.analysisLimited(ctx.locale, end - start, MAX_WINDOW)
        : 'memory' in ctx.plain
          ? messages.analysisOutOfMemory(ctx.locale, ctx.plain.cli)
          : messages.analysisStopped(ctx.locale, ctx.plain.budgetSeconds, ctx.plain.cli),
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
    ja: '草案の一部が、安全な区切り（空行の後に字下げのない行）なしに 32 KB を超えています。その部分は Markdown ではなく文字列として確認しました（条項の語句とプレースホルダは見つかりますが、見出し・箇条書き・引用は認識しません）。解析が時間の上限を超えたとき（エディタでは 1 ステップ 5 秒、CLI では `--time-budget`、既定 1 MB ごとに 10 秒）や、解析のワーカーがメモリの上限を超えたときも、front matter より後を同じように文字列として確認し、この指摘を 1 つ出します。\n\n**対処**: ブロックの間に空行を入れます。時間の上限を超えた草案は、エディタでは開き直すと、CLI では `--time-budget` を上げると通常の解析をやり直します。メモリの上限を超えた草案は、複数のファイルに分けてください。テキストとしての確認でもワーカーが止まった草案は、開き直すまで解析せず、1 行目にこの指摘を警告として 1 つ出します。\n',
    en: 'A stretch of the draft runs past 32 KB without a safe break (a blank line followed by an unindented line): it was checked as plain text (clause phrases and placeholders are found; headings, lists and quotes are not). An analysis that runs past its time limit (in the editor 5 s for one step; in the CLI `--time-budget`, by default 10 s per started megabyte) is likewise stopped, and so is one whose worker runs out of memory: everything after the front matter is checked as plain text, and this finding appears once.\n\n**Fix**: put blank lines between blocks. For a draft over the time limit, reopen it in the editor, or raise `--time-budget` in the CLI, to try the normal analysis again; split a draft that ran out of memory into several files. A draft that stops its worker again even as plain text is not analysed again until it is reopened; one warning on its first line says so.\n',
  },
  check,
});
