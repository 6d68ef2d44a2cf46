// What the extension client and the language server agree on, in one place.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { CoverageRow, DraftCoverage, FolderCoverage } from './core';

export const SERVER_ID = 'itaku';

export const Commands = {
  /** Server command: insert every missing required clause into a draft ({ uri, version? }). */
  insertAllMissing: 'itaku.server.insertAllMissing',
  /**
   * Server command: the text of a new draft ({ document, categories, title?, organization?, parties?, locale?, uri? })
   * → string; `uri` picks the catalog. A request that is not the catalog's ids, or has a text over 200
   * characters or of more than one line, gets an InvalidParams error whose message says why.
   */
  newDraftText: 'itaku.server.newDraftText',
  /** Server command: what New draft… offers ({ uri? }: the catalog of that file's folder; never hard-coded in the client) → DraftChoices. */
  draftChoices: 'itaku.server.draftChoices',
  /**
   * Client command a code action carries when the client lists it in
   * initializationOptions.clientCommands: ({ uri, range }) shows and briefly highlights the
   * text the fix inserted (range in the document after the edit).
   */
  reveal: 'itaku.reveal',
  /**
   * Server command: check every draft in the workspace folders (the CLI's file discovery) and
   * publish their diagnostics → WorkspaceCheckResult.
   */
  checkWorkspace: 'itaku.server.checkWorkspace',
  /** Server command: a Word document as a Markdown draft (WordToMarkdownRequest) → WordToMarkdownResult. */
  wordToMarkdown: 'itaku.server.wordToMarkdown',
  /** Server command: a Markdown draft as a Word document (ExportWordRequest) → ExportWordResult. */
  exportWord: 'itaku.server.exportWord',
} as const;

export interface WordToMarkdownRequest {
  /** The .docx, base64. */
  data: string;
  /** Where it is: the .itaku.yaml over it may give its document type and categories. */
  uri?: string;
  /** Chosen by the user when the document's properties name none. */
  document?: string;
  categories?: string[];
  locale?: string;
}

export type WordToMarkdownResult =
  | { ok: true; markdown: string }
  /** The document names no document type: ask for one, then ask again. */
  | { ok: false; needsMetadata: true }
  | { ok: false; message: string };

export interface ExportWordRequest {
  /** The Markdown draft's text. */
  text: string;
  locale?: string;
}

export type ExportWordResult =
  { ok: true; data: string; highlights: number; warning?: string } | { ok: false; message: string };

export interface WorkspaceCheckResult {
  drafts: Array<{ uri: string; problems: number; errors: number; warnings: number; information: number }>;
  /** Files found but not checked, with the CLI's reasons (not-utf8, binary, symlink-loop, …, file-too-large). */
  skipped: Array<{ uri: string; reason: string }>;
  errors: number;
  warnings: number;
  information: number;
}

export interface DraftChoice {
  id: string;
  label: string;
  label_en: string;
  aliases: string[];
  /** For a document type: new drafts name the parties (甲/乙). */
  parties?: boolean;
}

export interface DraftChoices {
  documentTypes: DraftChoice[];
  categories: DraftChoice[];
}

/** Server → client notification after each analysis, for the status bar item. */
export const StatusNotification = 'itaku/status';

export interface DraftStatus {
  uri: string;
  version: number | null;
  /** False for Markdown that is not a draft: the client hides its item. */
  isDraft: boolean;
  documentLabel?: string;
  categoryLabels: string[];
  required: number;
  present: number;
  problems: number;
  /**
   * True when the draft's clauses could not be judged (broken or unclosed YAML, unknown document
   * type or category): the client shows an error state, never a green 0/0.
   */
  unchecked?: boolean;
  /** Ready-made texts in the draft's message language: `必須条項 9/11`, and a tooltip. */
  coverageText?: string;
  tooltip?: string;
}

export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The `itaku.*` settings, read per resource. */
export interface ItakuSettings {
  locale: 'auto' | 'ja' | 'en';
  /** Path of a custom catalog ('' = built-in); relative paths are resolved against the workspace folder. */
  catalog: string;
  severity: Record<string, SeverityOverride>;
  maxFileSize: number;
}

/**
 * The default itaku.maxFileSize (10 MB), in bytes: the one value for the setting, the CLI's
 * --max-file-size and the Word commands' limit. package.json repeats it as the setting's default.
 */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export const DEFAULT_SETTINGS: ItakuSettings = {
  locale: 'ja',
  catalog: '',
  severity: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

export interface InitializationOptions {
  /** The editor's display language, used when itaku.locale is auto. */
  locale?: string;
  /**
   * False when the workspace is not trusted (VS Code's Restricted Mode): a workspace .itaku.yaml may
   * then not choose the catalog. Clients without a notion of trust leave it out (trusted).
   */
  workspaceTrusted?: boolean;
  /** Settings for clients that do not answer workspace/configuration (e.g. a plain Neovim setup). */
  settings?: Partial<ItakuSettings>;
  /** Client-side commands the client runs when an action carries them (e.g. Commands.reveal). */
  clientCommands?: string[];
}

/** Client → server request: the coverage of one open draft, in the draft's message language. */
export const CoverageRequest = 'itaku/coverage';

export interface CoverageParams {
  uri: string;
}

/** One row of the Coverage view: the core's row with ready-made texts. */
export interface CoverageItem extends CoverageRow {
  label: string;
  description: string;
  /** The prompt of the fix picker of a missing clause. */
  pick: string;
  /** Markdown. */
  tooltip: string;
}

export interface CoverageAnswer {
  uri: string;
  version: number;
  /** Null for Markdown that is not a draft (or a draft over the size limit). */
  coverage: (Omit<DraftCoverage, 'rows'> & { rows: CoverageItem[]; header: string }) | null;
  /** Why a draft has no coverage (over the size limit, or its analysis failed): the one finding shown instead. */
  notice?: string;
  /**
   * The published diagnostic of each missing clause (as the server sent it, with its data), for a
   * code-action request that offers exactly that clause's fixes.
   */
  fixes: Record<string, LspDiagnostic>;
}

/** Client → server request: the coverage of every draft in a folder (read from disk; open drafts as edited). */
export const FolderCoverageRequest = 'itaku/folderCoverage';

export interface FolderCoverageParams {
  /** A file: URI of a folder. */
  uri: string;
}

export interface FolderCoverageAnswer {
  coverage: FolderCoverage;
  /** The document URI of each of coverage.drafts, in order. */
  uris: string[];
  /** Files not read, with the reason in the folder's message language. */
  skipped: Array<{ path: string; reason: string }>;
}
