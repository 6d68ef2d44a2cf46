import { defineRule } from './rule';

// Reported where the itaku comments are read (../directives.ts).
export default defineRule({
  code: 'invalid-directive',
  severity: 'warning',
  title: { ja: '不正な itaku コメント', en: 'Invalid itaku comment' },
  description: {
    ja: '<!-- itaku: … --> コメントの書き方が誤っています。',
    en: 'An <!-- itaku: … --> comment is malformed.',
  },
  docs: 'An `<!-- itaku… -->` comment names an unknown clause or cannot be read.',
});
