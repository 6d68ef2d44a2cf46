import type { Range } from './text/lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';
import type { DiagnosticCode } from './codes';

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
  /** Starts of further findings of this code past the per-code bound, only counted (see Report.moreAt). */
  moreAt?: number[];
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
