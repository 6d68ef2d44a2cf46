import { defineRule } from './rule';

// Reported where the front matter is parsed and validated (../frontmatter).
export default defineRule({
  code: 'frontmatter-invalid',
  severity: 'error',
  title: { ja: 'front matter の値が不正', en: 'Invalid front-matter value' },
  description: { ja: 'front matter の値の型や形が違います。', en: 'A front-matter value has the wrong type or shape.' },
  docs: 'A value has the wrong type or is not allowed (JSON Schema), a key is given twice, or the front matter is not a mapping; at the offending key.',
});
