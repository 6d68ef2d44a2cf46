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
  docs: {
    summary: 'An `<!-- itaku… -->` comment names an unknown clause or cannot be read.',
    ja: '`<!-- itaku: clause <id> -->` や `<!-- itaku-disable … -->` のコメントが、存在しない条項やコードを指しているか、読めません。近い id があれば示します。\n',
    en: 'An `<!-- itaku: clause <id> -->` or `<!-- itaku-disable … -->` comment names an unknown clause or code, or cannot be read; the closest id is suggested.\n',
    example: '```markdown\n<!-- itaku: clause subcontract -->   ← subcontracting\n```\n',
  },
});
