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
  docs: 'itaku itself failed on this file (a bug): the file was not checked. The CLI and the server carry on with other files; the message names the error. Please report it.',
});
