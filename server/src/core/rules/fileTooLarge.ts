import { defineRule } from './rule';

// Reported by the CLI and the server before any analysis: see fileTooLargeDiagnostic in ../failure.ts.
export default defineRule({
  code: 'file-too-large',
  severity: 'warning',
  title: { ja: 'ファイルが大きすぎる', en: 'File too large' },
  description: {
    ja: 'ファイルが上限より大きいため分析していません。',
    en: 'The file is larger than the limit and was not analysed.',
  },
  docs: 'The file is larger than the limit and was not analysed.',
});
