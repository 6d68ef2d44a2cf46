import type { Range } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Stable diagnostic codes: public API (CLI JSON, settings, docs anchors). */
export type DiagnosticCode =
  | 'missing-clause'
  | 'empty-clause'
  | 'unresolved-placeholder'
  | 'unresolved-variant'
  | 'conflicting-variants'
  | 'frontmatter-yaml'
  | 'frontmatter-invalid'
  | 'unknown-document-type'
  | 'unknown-category'
  | 'missing-category'
  | 'ambiguous-category'
  | 'unknown-key'
  | 'important-information'
  | 'cloud-risk-unaddressed'
  | 'invalid-directive'
  | 'too-many-findings'
  | 'analysis-limited'
  | 'file-too-large'
  | 'internal-error'
  | 'numbering'
  | 'word-unreadable';

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'missing-clause',
  'empty-clause',
  'unresolved-placeholder',
  'unresolved-variant',
  'conflicting-variants',
  'frontmatter-yaml',
  'frontmatter-invalid',
  'unknown-document-type',
  'unknown-category',
  'missing-category',
  'ambiguous-category',
  'unknown-key',
  'important-information',
  'cloud-risk-unaddressed',
  'invalid-directive',
  'too-many-findings',
  'analysis-limited',
  'file-too-large',
  'internal-error',
  'numbering',
  'word-unreadable',
];

/** At most this many findings of one code per file; then one `too-many-findings` says how many more. */
export const MAX_FINDINGS_PER_CODE = 100;

export interface RelatedSpan {
  start: number;
  end: number;
  message: string;
}

/** A finding located by offsets; turned into an LSP-shaped diagnostic at the end of the analysis. */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  clause?: string;
  /** What a code action needs to rebuild its edit (no state is kept elsewhere). */
  data?: Record<string, unknown>;
  related?: RelatedSpan[];
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  source: 'itaku';
  clause?: string;
  data?: Record<string, unknown>;
  relatedInformation?: RelatedInformation[];
}
