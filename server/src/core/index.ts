// The pure core: text in, plain LSP-shaped data out. No vscode, no connection, no file system.
// The only way in for server/src/lsp, server/src/cli and the entry files (enforced by npm run
// lint): what is not exported here is the core's own business.

// Analysis of one draft.
export {
  analyze,
  type Analysis,
  type AnalysisResult,
  type AnalyzeOptions,
  type ClauseResult,
  type ClauseStatus,
} from './analyze';
export { composeUnchanged, IncrementalAnalyzer, NOTHING_CHANGED, type UnchangedEnds } from './incremental';
export type { DraftContext, PlainFallback, WorkerStop } from './context';
export { analysisAbandonedDiagnostic, fileTooLargeDiagnostic, internalErrorDiagnostic } from './failure';
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from './findings';

// Catalogs.
export {
  loadCatalog,
  type CatalogLoadResult,
  type CatalogProblem,
  type CatalogResolution,
  type CatalogResolver,
} from './catalog/load';
export { compileCatalog, type Catalog } from './catalog/compile';
export { originEntries, restoreOrigins, type OriginEntry } from './catalog/origin';
export { checkCatalogConsistency } from './catalog/consistency';
export type { CatalogDef, ClauseDef, WordingDef } from './catalog/types';

// Project configuration (.itaku.yaml), from text: finding and reading it is server/src/io's.
export {
  applySeverity,
  CONFIG_FILE_NAME,
  configForFile,
  parseProjectConfig,
  type FileConfig,
  type FrontMatterDefaults,
  type ProjectConfig,
  type ProjectConfigResult,
  type SeverityLevel,
} from './config';

// Code actions: rebuilt from the server's own analysis, every edit checked.
export {
  currentDiagnostic,
  editAllowed,
  MAX_REQUEST_DIAGNOSTICS,
  quickFixes,
  type DiagnosticRef,
} from './fixes/quickFixes';
export {
  markParagraphActions,
  MAX_SUGGESTIONS,
  placeholderFills,
  type CoreAction,
  type OffsetEdit,
} from './fixes/actions';
export { fixAllInsertions } from './fixes/fixAll';
export type { Insertion } from './fixes/insertClause';
export { waiverInsertion } from './fixes/waive';
export { partiesInsertion, partyOfPlaceholder } from './fixes/parties';
export { applyOffsetEdits, insertedSpan } from './fixes/reveal';

// Editor features, as plain objects (server/src/lsp converts them).
export { hoverAt, type HoverInfo } from './features/hover';
export { completionsAt, type CompletionEntry, type Completions } from './features/completion';
export { outlineOf, type OutlineSymbol } from './features/symbols';
export {
  checkNewDraftRequest,
  NEW_DRAFT_MAX_CATEGORIES,
  NEW_DRAFT_MAX_VALUE,
  newDraftText,
  type NewDraftRequest,
} from './newDraft';

// Text, positions, locale.
export { LineIndex, type Position, type Range } from './text/lineIndex';
export { formatMessage, localized, messages, resolveLocale, type Locale, type MessageEntry } from './messages';
export { codeDescription, codeTitle, RULES, type Rule } from './rules';
export { closestValues } from './suggest';

// Coverage: the 表1/表3-like matrix per draft and per folder, and its wording (report, Coverage view).
export {
  coverageLabels,
  coveredText,
  draftCoverage,
  folderCoverage,
  isComplete,
  type CoverageLabels,
  type CoverageMark,
  type CoverageRow,
  type CoverageSummary,
  type DraftCoverage,
  type FolderCell,
  type FolderCoverage,
  type FolderTable,
} from './features/coverage';
export {
  categoriesText,
  evidenceText,
  joinCategories,
  rowText,
  rowTooltip,
  summaryLine,
} from './features/coverageText';
export { escapeMarkdown, escapeMarkdownInline, markdownCode } from './text/escapeMarkdown';
