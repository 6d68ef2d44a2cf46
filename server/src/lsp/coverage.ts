// The Coverage view's requests: one open draft's coverage (from its cached analysis, so it follows
// every keystroke), and a folder's (its drafts read from disk like `itaku report`, open ones as edited).
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  draftCoverage,
  folderCoverage,
  rowText,
  rowTooltip,
  summaryLine,
  type AnalysisResult,
  type DraftCoverage,
} from '../core';
import { checkFile } from '../cli/check';
import { collectMarkdownFiles, readDraftFile } from '../cli/files';
import { skipReasonText } from '../cli/report';
import type { CoverageAnswer, CoverageItem, FolderCoverageAnswer } from '../protocol';
import { toLspDiagnostic } from './convert';
import type { DraftState } from './drafts';
import type { DraftInputs } from './scheduler';
import { lspText } from './messages';

/** The coverage of an open draft at the version its state was analysed for. */
export function draftCoverageAnswer(uri: string, state: DraftState): CoverageAnswer {
  const a = state.analysis;
  if (!a)
    return {
      uri,
      version: state.version,
      coverage: null,
      fixes: {},
      ...(state.instead ? { notice: state.instead.message } : {}),
    };
  const c = draftCoverage(uri, a.result, state.catalog, state.locale);
  const rows: CoverageItem[] = c.rows.map((r) => ({
    ...r,
    ...rowText(r, state.locale),
    tooltip: rowTooltip(r, state.locale),
  }));
  const fixes: CoverageAnswer['fixes'] = {};
  for (const d of a.result.diagnostics) {
    if (d.code !== 'missing-clause' || !d.clause || Object.hasOwn(fixes, d.clause)) continue;
    // Unchanged by severity settings: the code-action request must name the server's own finding.
    const lsp = toLspDiagnostic(d, uri, {});
    if (lsp) fixes[d.clause] = lsp;
  }
  return { uri, version: state.version, coverage: { ...c, rows, header: summaryLine(c, state.locale) }, fixes };
}

export interface FolderCoverageDeps {
  documents: TextDocuments<TextDocument>;
  /** What applies to a draft (its .itaku.yaml over the settings) and its catalog, as its analysis reads them. */
  inputsOf: (uri: string) => Promise<DraftInputs>;
  /** An open draft's last finished result, from its worker (see `openDraftResult`). */
  openResult: (uri: string) => Promise<AnalysisResult | null | undefined>;
  /**
   * A file's one-off analysis in a worker, under the step budget (Scheduler.onceResult): null when
   * it is no draft, undefined when the worker was stopped on it.
   */
  analyzeOnce: (uri: string, text: string) => Promise<AnalysisResult | null | undefined>;
}

/**
 * An open draft's result for the folder table: its analysis, or the one finding that stands
 * instead (too large, unreadable); null when it is no draft.
 */
export function openDraftResult(state: DraftState): AnalysisResult | null {
  if (state.analysis) return state.analysis.result;
  if (!state.instead) return null;
  return { document: null, categories: [], options: {}, clauses: [], diagnostics: [state.instead] };
}

/**
 * Every draft under a folder: the same files, reading and analysis as `itaku report` (open drafts
 * with their unsaved text), each with its own folder's settings and catalog. Yields between files
 * and stops when the request is cancelled.
 */
export async function folderCoverageAnswer(
  folderUri: string,
  deps: FolderCoverageDeps,
  token: CancellationToken,
): Promise<FolderCoverageAnswer | null> {
  if (!folderUri.startsWith('file:')) return null;
  const root = fileURLToPath(folderUri);
  const { locale } = await deps.inputsOf(folderUri);
  const open = new Map<string, TextDocument>();
  for (const doc of deps.documents.all())
    if (doc.uri.startsWith('file:')) open.set(path.resolve(fileURLToPath(doc.uri)), doc);
  const { files, skipped: walkSkips } = await collectMarkdownFiles([root]);
  const shown = (file: string) => path.relative(root, file).split(path.sep).join('/') || path.basename(file);
  const drafts: DraftCoverage[] = [];
  const uris: string[] = [];
  const skipped = walkSkips.map((w) => ({ path: shown(w.path), reason: skipReasonText(locale, w.reason) }));
  for (const file of files) {
    if (token.isCancellationRequested) return null;
    await new Promise((resolve) => setImmediate(resolve));
    const doc = open.get(path.resolve(file));
    const uri = doc?.uri ?? pathToFileURL(file).href;
    const { settings, catalog, ignored } = await deps.inputsOf(uri);
    if (ignored) continue; // the config's `ignores`, as `itaku report` skips them
    if (doc) {
      const result = await deps.openResult(doc.uri);
      if (!result) continue;
      drafts.push(draftCoverage(shown(file), result, catalog, locale));
      uris.push(uri);
      continue;
    }
    // Analysed in a worker, as open drafts are: a slow file here used to hold up every other request
    // (the analysis ran on the server's own thread, outside the step budget).
    const read = readDraftFile(file, settings.maxFileSize);
    if (read.kind === 'text') {
      const result = await deps.analyzeOnce(uri, read.text);
      if (result) {
        drafts.push(draftCoverage(shown(file), result, catalog, locale));
        uris.push(uri);
      } else if (result === undefined) skipped.push({ path: shown(file), reason: lspText(locale, 'coverageStopped') });
      continue;
    }
    // Too large (only its head is read), unreadable or binary: nothing slow.
    const outcome = checkFile(file, shown(file), catalog, { locale, maxSize: settings.maxFileSize });
    if (outcome.kind === 'draft') {
      drafts.push(draftCoverage(outcome.report.path, outcome.report, catalog, locale));
      uris.push(uri);
    } else if (outcome.kind === 'skipped' && outcome.skipped.error)
      skipped.push({ path: outcome.skipped.path, reason: skipReasonText(locale, outcome.skipped.reason) });
  }
  const { catalog } = await deps.inputsOf(folderUri);
  return { coverage: folderCoverage(drafts, catalog, locale), uris, skipped };
}
