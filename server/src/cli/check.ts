import {
  analyze,
  type AnalyzeOptions,
  applySeverity,
  type Catalog,
  type FrontMatterDefaults,
  fileTooLargeDiagnostic,
  internalErrorDiagnostic,
  type Locale,
  type SeverityLevel,
} from '../core';
import { readDraftFile } from './files';
import { skipped, type FileReport, type RunReport, type SkippedFile } from './report';
import { checkWordFile, isWordFile, type WordFlags } from './word';

export type Outcome =
  | { kind: 'draft'; report: FileReport }
  | { kind: 'not-draft'; path: string }
  | { kind: 'skipped'; skipped: SkippedFile };

export interface CheckSettings {
  locale: Locale;
  maxSize: number;
  /** From .itaku.yaml: severity per code ('off' drops the finding) and front-matter defaults. */
  severity?: Record<string, SeverityLevel>;
  defaults?: FrontMatterDefaults;
  /** The .itaku.yaml these came from (as shown), named as the source of a Word document's type. */
  configFile?: string;
  /** --document / --category, for Word documents (a Markdown draft has its front matter). */
  word?: WordFlags;
  /** Set for a file whose analysis overran the time budget: it is read as plain text. */
  plain?: AnalyzeOptions['plain'];
}

/** Checks one file, a Markdown draft or a Word document (by its name). */
export function checkAnyFile(file: string, shown: string, catalog: Catalog, settings: CheckSettings): Promise<Outcome> {
  return isWordFile(file)
    ? checkWordFile(file, shown, catalog, settings)
    : Promise.resolve(checkFile(file, shown, catalog, settings));
}

/** Checks one file (shown as `shown` in reports). */
export function checkFile(file: string, shown: string, catalog: Catalog, settings: CheckSettings): Outcome {
  const { locale, maxSize } = settings;
  const read = readDraftFile(file, maxSize);
  if (read.kind === 'text') {
    try {
      const analysis = analyze(read.text, { catalog, locale, defaults: settings.defaults, plain: settings.plain });
      if (!analysis) return { kind: 'not-draft', path: shown };
      const result = analysis.result;
      return {
        kind: 'draft',
        report: { path: shown, ...result, diagnostics: applySeverity(result.diagnostics, settings.severity ?? {}) },
      };
    } catch (error) {
      // A defect in itaku must not end the run or pass the file silently: it is reported as an error.
      return {
        kind: 'draft',
        report: {
          path: shown,
          document: null,
          categories: [],
          options: {},
          clauses: [],
          diagnostics: [internalErrorDiagnostic(locale, error)],
        },
      };
    }
  }
  if (read.kind === 'too-large') {
    const head = analyze(read.head.slice(0, read.head.lastIndexOf('\n') + 1), { catalog, locale });
    return head
      ? { kind: 'draft', report: tooLarge(shown, head.result.document, read.size, maxSize, locale) }
      : { kind: 'not-draft', path: shown };
  }
  return { kind: 'skipped', skipped: skipped(shown, read.kind === 'unreadable' ? read.reason : read.kind) };
}

function tooLarge(file: string, document: string | null, size: number, limit: number, locale: Locale): FileReport {
  const diagnostic = fileTooLargeDiagnostic(locale, size, limit);
  return { path: file, document, categories: [], options: {}, clauses: [], diagnostics: [diagnostic] };
}

export function collect(outcomes: Outcome[]): RunReport {
  const report: RunReport = { files: [], skipped: [], notDrafts: 0 };
  for (const o of outcomes) {
    if (o.kind === 'draft') report.files.push(o.report);
    else if (o.kind === 'not-draft') {
      report.notDrafts++;
      report.skipped.push(skipped(o.path, 'not-a-draft'));
    } else report.skipped.push(o.skipped);
  }
  return report;
}

/** One file to check: where it is, how it is shown, its catalog file (none: built-in) and settings. */
export interface CheckJob {
  file: string;
  shown: string;
  catalogFile?: string;
  settings: CheckSettings;
}

/** What a worker thread says: that it is ready (loaded), or the outcome of job `index`. */
export type WorkerMessage<R = Outcome> = { ready: true } | { index: number; outcome: R };

/** Work for the worker threads: the CLI bundle itself, started with this data. */
export interface WorkerData {
  itakuWorker: true;
}
