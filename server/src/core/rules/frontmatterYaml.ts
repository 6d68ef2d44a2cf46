import { defineRule } from './rule';

// Reported where the front matter is parsed (../frontmatter/parse.ts): nothing else can be judged.
export default defineRule({
  code: 'frontmatter-yaml',
  severity: 'error',
  title: { ja: 'front matter の YAML が壊れている', en: 'Broken front-matter YAML' },
  description: { ja: 'front matter の YAML を読めません。', en: 'The front matter is not valid YAML.' },
  docs: "The front matter is not valid YAML, or is never closed (no second `---`; on the opening fence). The usual slips are named in words on their own line: a full-width colon 「：」, a tab or a wrong indent, an unclosed bracket or quote, no space after `:`; anything else gives the YAML library's detail at its position. Nothing is judged until it is fixed.",
});
