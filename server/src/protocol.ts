// What the extension client and the language server agree on, in one place.

export const SERVER_ID = 'itaku';

export const Commands = {
  /** Server command: insert every missing required clause into a draft ({ uri, version? }). */
  insertAllMissing: 'itaku.server.insertAllMissing',
  /** Server command: the text of a new draft ({ document, categories, organization?, locale? }) → string. */
  newDraftText: 'itaku.server.newDraftText',
  /** Server command: what New draft… offers, from the catalog (never hard-coded in the client) → DraftChoices. */
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
} as const;

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

export const DEFAULT_SETTINGS: ItakuSettings = {
  locale: 'ja',
  catalog: '',
  severity: {},
  maxFileSize: 10 * 1024 * 1024,
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
