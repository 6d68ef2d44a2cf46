import { defineRule } from './rule';

// Reported by the analysis when it bounds the findings of one code (../analyze.ts).
export default defineRule({
  code: 'too-many-findings',
  severity: 'information',
  title: { ja: '同じ指摘が多すぎる', en: 'Too many findings of one kind' },
  docs: 'A file has more than 100 findings of one code: the first 100 are shown, and this one, where the first left out is, says how many more (so a generated or hostile file cannot flood the Problems panel or make a report of megabytes).',
});
