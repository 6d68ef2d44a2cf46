// The pure core: text in, plain LSP-shaped data out. No vscode, no connection, no file system.
export {
  analyze,
  analyzeBlocks,
  readBlocks,
  type Analysis,
  type AnalysisResult,
  type ClauseResult,
  type ClauseStatus,
} from './analyze';
export { loadCatalog, type CatalogLoadResult, type CatalogProblem } from './catalog/load';
export type { Catalog } from './catalog/compile';
export type { CatalogDef, ClauseDef, WordingDef } from './catalog/types';
export { internalErrorDiagnostic } from './failure';
export { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from './findings';
export { resolveLocale, type Locale } from './messages';
export { LineIndex, type Position, type Range } from './text/lineIndex';
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
export { categoriesText, evidenceText, rowText, rowTooltip, summaryLine } from './features/coverageText';
export { escapeMarkdown, escapeMarkdownInline, markdownCode } from './text/escapeMarkdown';
