import {
  analysisAbandonedDiagnostic,
  analyze,
  composeUnchanged,
  IncrementalAnalyzer,
  NOTHING_CHANGED,
  fileTooLargeDiagnostic,
  internalErrorDiagnostic,
  type Analysis,
  type Catalog,
  type Diagnostic,
  type FrontMatterDefaults,
  type Locale,
  type PlainFallback,
  type UnchangedEnds,
} from '../core';
import type { ItakuSettings } from '../protocol';

/** What the server knows about one open document at one version. */
export interface DraftState {
  version: number;
  /** The server's own count of the document's changes: tells apart two texts sent with one version number. */
  revision: number;
  locale: Locale;
  settings: ItakuSettings;
  catalog: Catalog;
  /** Undefined for Markdown that is not a draft (or a draft that could not be analysed). */
  analysis?: Analysis;
  /** The one finding shown instead of an analysis: the draft is over the size limit, or analysing it failed. */
  instead?: Diagnostic;
  /** The .itaku.yaml that applies to it, if any. */
  configFile?: string;
}

/** One version of one document to analyse, with the settings and catalog of its folder. */
export interface AnalysisJob {
  uri: string;
  version: number;
  revision: number;
  /** The text, or for a file over the size limit only its first 64 KB (enough to know whether it is a draft). */
  text: string;
  tooLarge?: { size: number; limit: number };
  /** Its analysis stopped its worker twice (the second time as plain text): not analysed, one finding says so. */
  abandoned?: boolean;
  settings: ItakuSettings;
  locale: Locale;
  catalog: Catalog;
  /** The draft overran the time budget before: read it as plain text (see AnalyzeOptions.plain). */
  plain?: PlainFallback;
  /** Front-matter defaults from the .itaku.yaml that applies. */
  defaults?: FrontMatterDefaults;
  /** Matched by the configuration's `ignores`: not checked. */
  ignored?: boolean;
  configFile?: string;
  /** A document that is not open (the workspace check): analysed once, nothing kept. */
  once?: boolean;
  /**
   * The editor's changes since revision `since` (the one posted before): the first `prefix` and
   * last `suffix` characters are those of that revision's text.
   */
  edit?: UnchangedEnds & { since: number };
}

/**
 * The analyses of the open documents, kept where they are computed (the server's worker): one
 * incremental analyser per document, and the last finished state that requests are answered from.
 */
export class Drafts {
  private readonly finished = new Map<string, DraftState>();
  /** One incremental analyser per open document: edits re-parse only the blocks they touch. */
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();
  /**
   * Per document, the last revision received, and what the edits since its analyser's text left
   * unchanged (undefined: not known, the analyser compares the texts).
   */
  private readonly unchanged = new Map<string, { revision: number; ends?: UnchangedEnds }>();

  constructor(private readonly onError: (uri: string, error: unknown) => void = () => undefined) {}

  /** The last finished state of the document, if any. */
  latest(uri: string): DraftState | undefined {
    return this.finished.get(uri);
  }

  /**
   * Analyses one version step by step (yielding between parse windows). The result becomes the
   * document's latest state when the run completes; a run abandoned halfway changes nothing.
   * Called as each job arrives (a newer one stops the older run first), so the edits compose.
   */
  steps(job: AnalysisJob): Generator<void, DraftState> {
    // A document that is not open (the workspace check): one analysis, nothing kept for it.
    if (job.once) return this.compute(job, undefined, new IncrementalAnalyzer());
    const previous = this.unchanged.get(job.uri);
    const e = job.edit;
    const ends = e && previous?.ends && previous.revision === e.since ? composeUnchanged(previous.ends, e) : undefined;
    this.unchanged.set(job.uri, { revision: job.revision, ends });
    return this.kept(job, ends);
  }

  private *kept(job: AnalysisJob, ends: UnchangedEnds | undefined): Generator<void, DraftState> {
    const state = yield* this.compute(job, ends);
    const previous = this.finished.get(job.uri);
    if (!previous || previous.revision <= job.revision) this.finished.set(job.uri, state);
    return state;
  }

  private *compute(
    job: AnalysisJob,
    ends: UnchangedEnds | undefined,
    fresh?: IncrementalAnalyzer,
  ): Generator<void, DraftState> {
    const { version, revision, locale, settings, catalog, text, defaults, configFile } = job;
    const base = { version, revision, locale, settings, catalog, configFile };
    if (job.ignored) return base;
    if (job.tooLarge || job.abandoned) {
      const draft = analyze(text.slice(0, text.lastIndexOf('\n') + 1), { catalog, locale, defaults });
      if (!draft) return base;
      if (!job.tooLarge) return { ...base, instead: analysisAbandonedDiagnostic(locale) };
      const { size, limit } = job.tooLarge;
      // The same finding as the CLI's (one home in the core).
      return { ...base, instead: fileTooLargeDiagnostic(locale, size, limit) };
    }
    let analyzer = fresh ?? this.analyzers.get(job.uri);
    if (!analyzer) this.analyzers.set(job.uri, (analyzer = new IncrementalAnalyzer()));
    const options = { catalog, locale, plain: job.plain, defaults };
    try {
      const analysis = yield* analyzer.steps(text, options, ends);
      // The analyser holds this text now: later edits are counted from it.
      if (!fresh) this.unchanged.set(job.uri, { revision: job.revision, ends: NOTHING_CHANGED });
      return { ...base, analysis };
    } catch {
      // The incremental state may be what failed: start it afresh, and analyse the whole text once.
      this.analyzers.delete(job.uri);
      this.unchanged.delete(job.uri);
    }
    try {
      return { ...base, analysis: analyze(text, options) };
    } catch (error) {
      this.onError(job.uri, error);
      return { ...base, instead: internalErrorDiagnostic(locale, error) };
    }
  }

  /** The document is closed: drop everything kept for it. */
  closed(uri: string): void {
    this.finished.delete(uri);
    this.analyzers.delete(uri);
    this.unchanged.delete(uri);
  }
}
