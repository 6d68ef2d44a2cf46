import { defineRule } from './rule';

// Reported where the front matter is parsed (../frontmatter/parse.ts): nothing else can be judged.
export default defineRule({
  code: 'frontmatter-yaml',
  severity: 'error',
  title: { ja: 'front matter の YAML が壊れている', en: 'Broken front-matter YAML' },
  description: { ja: 'front matter の YAML を読めません。', en: 'The front matter is not valid YAML.' },
  docs: {
    summary:
      "The front matter is not valid YAML, or is never closed (no second `---`; on the opening fence), or is longer than 64 KB (not read; on the opening fence). The usual slips are named in words on their own line: a full-width colon 「：」, a tab or a wrong indent, an unclosed bracket or quote, no space after `:`; anything else gives the YAML library's detail at its position. Nothing is judged until it is fixed.",
    ja: 'front matter（先頭の `---` から `---` まで）を YAML として読めないか、終わりの `---` がありません。64 KB を超える front matter は読みません（最初の `---` に示します）。直すまで条項は判定されません（状態表示は「必須条項を判定できません」）。\nよくある原因は日本語で、その行に示します: 全角のコロン「：」、タブや字下げの誤り、閉じていない括弧・引用符、`:` の後の空白がない。\n\n**対処**: 示された行を直します。\n',
    en: 'The front matter (from the first `---` to the next) is not valid YAML, or is never closed. A front matter longer than 64 KB is not read (said on the opening fence). Nothing is judged until it is fixed (the status item says "Clauses not checked").\nThe usual slips are named on their own line: a full-width colon 「：」, a tab or a wrong indent, an unclosed bracket or quote, no space after `:`.\n\n**Fix**: correct the line named.\n',
    example: '```yaml\n---\ndocument：調達仕様書     ← 全角のコロン「：」\ncategory: [build\n---\n```\n',
  },
});
