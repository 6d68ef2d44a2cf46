import { defineRule } from './rule';

// Reported where the front matter is parsed and validated (../frontmatter).
export default defineRule({
  code: 'frontmatter-invalid',
  severity: 'error',
  title: { ja: 'front matter の値が不正', en: 'Invalid front-matter value' },
  description: { ja: 'front matter の値の型や形が違います。', en: 'A front-matter value has the wrong type or shape.' },
  docs: {
    summary:
      'A value has the wrong type or is not allowed (JSON Schema), a key is given twice, or the front matter is not a mapping; at the offending key.',
    ja: 'front matter の値の型や形が違う（JSON Schema `schemas/frontmatter.schema.json` に合わない）、同じキーが二度ある、または front matter が「キー: 値」の形になっていません。指摘はそのキーに付きます。\n',
    en: 'A front-matter value has the wrong type or shape (against `schemas/frontmatter.schema.json`), a key is given twice, or the front matter is not a mapping; the finding is on the key.\n',
    example: '```yaml\noptions:\n  audit: はい        ← true か false\n```\n',
  },
});
