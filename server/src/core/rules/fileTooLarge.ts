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
  docs: {
    summary: 'The file is larger than the limit and was not analysed.',
    ja: 'ファイルが上限（`itaku.maxFileSize`、CLI は `--max-file-size`、既定 10 MB）より大きいため分析していません。\n',
    en: 'The file is larger than the limit (`itaku.maxFileSize`, `--max-file-size` for the CLI, 10 MB by default) and was not analysed.\n',
  },
});
