// What a diagnostic rule is: its code, default severity, title and documentation, the check that
// finds it and the fixes that mend it, sharing one typed payload (`data`). One rule per file, each
// `export default defineRule({ … })`; `npm run generate` lists them in ./registry.ts and writes the
// code list, the itaku.severity settings and the README code table from them.
import type { Analysis } from '../analyze';
import type { DraftContext } from '../context';
import type { DiagnosticCode, RelatedSpan, Severity } from '../findings';
import type { CoreAction, OffsetEdit } from '../fixes/actions';

export interface Text {
  ja: string;
  en: string;
}

/** A code's documentation (Markdown). */
export interface RuleDoc {
  /** The README's “what it means” cell (English, one paragraph). */
  summary: string;
  /** The page's text in each language. */
  ja: string;
  en: string;
  /** A draft excerpt showing the finding. */
  example?: string;
}

/** One finding of a rule's check; `data` is the payload its fixes get back. */
export interface Report<P> {
  /** Default: the rule's severity. */
  severity?: Severity;
  message: string;
  start: number;
  end: number;
  clause?: string;
  data?: P;
  related?: RelatedSpan[];
  /**
   * Starts of further findings of the rule's code after this one, all past the per-code bound: only
   * counted (too-many-findings says how many more), so a hostile draft's thousands of findings cost
   * one number each rather than a report and a finding each (issue 12). Only a report that is itself
   * past the bound carries them.
   */
  moreAt?: number[];
}

/** What a fix is built from: the server's own current finding (never what a client sent). */
export interface FixRequest<P> {
  analysis: Analysis;
  ctx: DraftContext;
  /** The finding's payload (with its `clause`, when it has one). */
  data: P;
  /** The finding's offsets. */
  start: number;
  end: number;
}

export interface Rule<P = unknown> {
  code: DiagnosticCode;
  severity: Severity;
  /** Another severity some of its findings have (documented as `severity / other`). */
  otherSeverity?: Severity;
  title: Text;
  /** A sentence describing the code (SARIF fullDescription); default: the title. */
  description?: Text;
  /** Its documentation: the README's table cell and the page docs/rules/<code>.md (generated). */
  docs: RuleDoc;
  /** The check over a draft; rules without one are reported where their input is read (YAML, files, catalogs). */
  check?(ctx: DraftContext): Array<Report<P>>;
  /** Quick fixes for one finding of this rule. */
  fixes?(request: FixRequest<P>): CoreAction[];
  /**
   * What an edit of its fixes may replace besides inserting: exactly the finding's own text
   * ('finding'), or a choice marker with only the markup and line break of its line ('marker-line').
   */
  replaces?: 'finding' | 'marker-line';
  /** Edits of an action that fixes a group of this rule's findings at once (checked one by one). */
  groupEditAllowed?(analysis: Analysis, edit: OffsetEdit): boolean;
}

export function defineRule<P extends object | undefined = undefined>(rule: Rule<P>): Rule<P> {
  return rule;
}
