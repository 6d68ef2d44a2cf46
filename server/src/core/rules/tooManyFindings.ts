import { defineRule } from './rule';

// Reported by the analysis when it bounds the findings of one code (../analyze.ts).
export default defineRule({
  code: 'too-many-findings',
  severity: 'information',
  title: { ja: '同じ指摘が多すぎる', en: 'Too many findings of one kind' },
  docs: {
    summary:
      'A file has more than 100 findings of one code: the first 100 are shown, and this one, where the first left out is, says how many more (so a generated or hostile file cannot flood the Problems panel or make a report of megabytes).',
    ja: '同じコードの指摘が 100 件を超えました。最初の 100 件を示し、この指摘（省いた最初の位置）が残りの件数を示します。\n',
    en: 'More than 100 findings of one code: the first 100 are shown, and this one, where the first left out is, says how many more.\n',
  },
});
