// Checking a Word document: convert, build the draft from its metadata, run the same analysis as
// for Markdown, and say where each finding is in Word terms.
import {
  analyze,
  type AnalyzeOptions,
  type AnalysisResult,
  type Catalog,
  type Diagnostic,
  type FrontMatterDefaults,
  type Locale,
} from '../core';
import { locate, propertiesLayer, wordDraft, type MetadataLayer, type WordDraft, type WordLocation } from './draft';
import { describeLocation, wordProblemMessage } from './messages';
import { WordReadError, type WordProblem } from './package';
import { convertDocx } from './read';

export interface WordDiagnostic extends Diagnostic {
  /** Where the finding is in the Word document. */
  word?: WordLocation;
}

export interface WordCheckResult extends AnalysisResult {
  diagnostics: WordDiagnostic[];
}

export type WordCheck =
  | { kind: 'draft'; result: WordCheckResult; draft: WordDraft }
  | { kind: 'not-draft' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; result: WordCheckResult };

export interface WordCheckOptions {
  catalog: Catalog;
  locale: Locale;
  /** Largest converted draft analysed (UTF-16 code units, as for Markdown drafts). */
  maxSize: number;
  /** Metadata below the document's own properties: the flags. */
  layers?: MetadataLayer[];
  /** The project config's defaults (.itaku.yaml): organization, parties, options the draft lacks. */
  defaults?: FrontMatterDefaults;
  /** Read as plain text: the analysis overran its time budget (see AnalyzeOptions.plain). */
  plain?: AnalyzeOptions['plain'];
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One finding for the whole file: what is wrong with it as a Word document. */
export function unreadable(locale: Locale, problem: WordProblem, detail?: string): WordCheckResult {
  return {
    document: null,
    categories: [],
    options: {},
    clauses: [],
    diagnostics: [
      {
        code: 'word-unreadable',
        severity: 'error',
        message: wordProblemMessage(locale, problem, detail),
        range: ORIGIN,
        source: 'itaku',
        data: { reason: problem },
      },
    ],
  };
}

/** Adds the Word location to every diagnostic and to every clause's evidence. */
export function withWordLocations(result: AnalysisResult, draft: WordDraft): WordCheckResult {
  return {
    ...result,
    clauses: result.clauses.map((c) =>
      c.evidence ? { ...c, evidence: { ...c.evidence, word: locate(draft, c.evidence.range.start.line) } } : c,
    ),
    diagnostics: result.diagnostics.map((d) => ({ ...d, word: locate(draft, d.range.start.line) })),
  };
}

export async function checkWord(bytes: Uint8Array, options: WordCheckOptions): Promise<WordCheck> {
  const { locale, catalog } = options;
  let conversion;
  try {
    conversion = await convertDocx(bytes);
  } catch (e) {
    if (e instanceof WordReadError) return { kind: 'unreadable', result: unreadable(locale, e.problem, e.message) };
    throw e;
  }
  if (!conversion.lines.some((l) => l.trim())) return { kind: 'unreadable', result: unreadable(locale, 'empty') };
  const draft = wordDraft(conversion, [propertiesLayer(conversion.properties), ...(options.layers ?? [])]);
  if (!draft) return { kind: 'not-draft' };
  if (draft.text.length > options.maxSize) return { kind: 'too-large', size: draft.text.length };
  const analysis = analyze(draft.text, { catalog, locale, defaults: options.defaults, plain: options.plain });
  if (!analysis) return { kind: 'not-draft' };
  return { kind: 'draft', result: withWordLocations(analysis.result, draft), draft };
}

export { describeLocation };
