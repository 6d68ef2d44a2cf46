import type { Diagnostic } from './findings';
import { messages, type Locale } from './messages';

/**
 * The one finding for a file whose analysis threw (a defect in itaku, never the author's fault):
 * it tells the reader the file was not checked, instead of a silently clean result or a crash.
 */
export function internalErrorDiagnostic(locale: Locale, error: unknown): Diagnostic {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: 'internal-error',
    severity: 'error',
    message: messages.internalError(locale, detail.length > 300 ? `${detail.slice(0, 300)}…` : detail),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    source: 'itaku',
  };
}

/**
 * The one finding for a draft whose analysis stopped its worker twice, the second time when it was
 * already read as plain text (out of memory, or over the step budget): the server stops analysing
 * it until it is reopened, and says so on its first line.
 */
export function analysisAbandonedDiagnostic(locale: Locale): Diagnostic {
  return {
    code: 'analysis-limited',
    severity: 'warning',
    message: messages.analysisAbandoned(locale),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    source: 'itaku',
  };
}

/**
 * The one finding for a draft larger than the limit (itaku.maxFileSize, --max-file-size): the
 * server and the CLI report it alike, on the opening `---` of its front matter.
 */
export function fileTooLargeDiagnostic(locale: Locale, size: number, limit: number): Diagnostic {
  return {
    code: 'file-too-large',
    severity: 'warning',
    message: messages.fileTooLarge(locale, size, limit),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    source: 'itaku',
    data: { size, limit },
  };
}
