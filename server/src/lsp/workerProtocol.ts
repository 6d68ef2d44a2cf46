// What the language server's main thread and its analysis workers (server/src/worker.ts) say to
// each other over the worker's message port, in one place.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { DraftStatus } from '../protocol';
import type { AnalysisResult, CatalogDef, OriginEntry } from '../core';
import type { AnalysisJob } from './drafts';

/** Requests answered in the worker from the document's last finished analysis. */
export type WorkerMethod =
  'hover' | 'completion' | 'symbols' | 'codeAction' | 'resolveFixAll' | 'fixAll' | 'coverage' | 'result';

/** A custom catalog as the worker compiles it (read, merged and validated on the main thread). */
export interface CatalogSource {
  key: string;
  def: CatalogDef;
  source: string;
  root?: string;
  layers: string[];
  /** The overlays' origin marks (hover says where a requirement or wording comes from). */
  origins: OriginEntry[];
}

export type ToWorker =
  | { kind: 'catalog'; source: CatalogSource }
  /** `catalogKey` names a catalog sent before ('' = the built-in one). */
  | { kind: 'analyze'; job: Omit<AnalysisJob, 'catalog'> & { catalogKey: string } }
  | {
      kind: 'request';
      id: number;
      uri: string;
      method: WorkerMethod;
      params: unknown;
      /** Answer only from the analysis of this revision (code actions, fix-all); otherwise the last finished one. */
      revision?: number;
      /** The document's current text (completion reads the line being typed). */
      text?: string;
      capabilities: { versionedEdits: boolean; snippetEdits: boolean; reveal?: boolean; resolve?: boolean };
    }
  | { kind: 'cancel'; id: number }
  | { kind: 'close'; uri: string };

export type FromWorker =
  | {
      kind: 'analysed';
      uri: string;
      version: number;
      revision: number;
      diagnostics: LspDiagnostic[];
      status: DraftStatus;
      /** For a one-off analysis (`once`): its result, as the folder's coverage reads it. */
      result?: AnalysisResult | null;
      /** Failures the worker logged (an itaku bug), for the server's log. */
      errors: string[];
    }
  /** A superseded version's run was stopped before it finished. */
  | { kind: 'cancelled'; uri: string; revision: number }
  | { kind: 'answer'; id: number; result: unknown }
  | { kind: 'failed'; id: number; message: string };

/**
 * Slots of the SharedArrayBuffer a worker writes as it works, read by the main thread's watchdog
 * without a message: a counter bumped at every step and between messages, and the revision being
 * analysed in the current step (0 when none).
 */
export const HEARTBEAT = 0;
export const RUNNING = 1;
