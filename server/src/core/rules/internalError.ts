import { defineRule } from './rule';

// Reported when an analysis throws: see internalErrorDiagnostic in ../failure.ts.
export default defineRule({
  code: 'internal-error',
  severity: 'error',
  title: { ja: 'itaku の内部エラー', en: 'itaku internal error' },
  description: {
    ja: 'itaku の不具合でこの草案を分析できませんでした。',
    en: 'An itaku defect stopped the analysis of this draft.',
  },
  docs: {
    summary:
      'itaku itself failed on this file (a bug): the file was not checked. The CLI and the server carry on with other files; the message names the error. Please report it.',
    ja: 'itaku 自身の不具合でこのファイルを分析できませんでした。ほかのファイルの確認は続きます。メッセージにエラーが示されるので、報告してください。\n',
    en: 'itaku itself failed on this file (a bug): it was not checked. Other files are still checked; the message names the error. Please report it.\n',
  },
});
