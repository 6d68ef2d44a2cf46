import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification, type DraftStatus } from '../protocol';
import { toLspDiagnostic } from './convert';
import type { DraftState, Drafts } from './drafts';

/**
 * Pushes diagnostics after open and after each change. Work is coalesced per document: a burst of
 * edits is analysed once, at the latest version, and a result for a superseded version is dropped
 * (the newer version is already scheduled), so the last version always gets its diagnostics.
 */
export class Publisher {
  private readonly pending = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly drafts: Drafts,
  ) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    setImmediate(() => {
      this.pending.delete(uri);
      void this.publish(uri).catch((e) =>
        this.connection.console.error(`itaku: analysing ${uri} failed: ${(e as Error).stack ?? e}`),
      );
    });
  }

  closed(uri: string): void {
    this.drafts.closed(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    void this.connection.sendNotification(StatusNotification, {
      uri,
      version: null,
      isDraft: false,
      categoryLabels: [],
      required: 0,
      present: 0,
      problems: 0,
    } satisfies DraftStatus);
  }

  private async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const state = await this.drafts.state(doc);
    const current = this.documents.get(uri);
    if (!current || current.version !== state.version) return;
    const diagnostics = this.diagnostics(uri, state);
    // A client's version is echoed only when it is one LSP allows (an integer).
    await this.connection.sendDiagnostics({
      uri,
      version: Number.isInteger(state.version) ? state.version : undefined,
      diagnostics,
    });
    await this.connection.sendNotification(StatusNotification, this.status(uri, state, diagnostics.length));
  }

  private diagnostics(uri: string, state: DraftState): LspDiagnostic[] {
    const source = state.instead ? [state.instead] : (state.analysis?.result.diagnostics ?? []);
    return source.flatMap((d) => toLspDiagnostic(d, uri, state.settings.severity) ?? []);
  }

  private status(uri: string, state: DraftState, problems: number): DraftStatus {
    const a = state.analysis;
    if (!a && !state.instead)
      return { uri, version: state.version, isDraft: false, categoryLabels: [], required: 0, present: 0, problems: 0 };
    const ja = state.locale === 'ja';
    const def = state.catalog.def;
    const r = a?.result;
    const required = r?.clauses.filter((c) => c.requirement === 'required') ?? [];
    const present = required.filter((c) => c.status !== 'missing').length;
    const docDef = r?.document ? def.documentTypes[r.document] : undefined;
    // Nothing judged (no clause applies because the type, the category or the YAML is unusable).
    const unchecked = !r || r.clauses.length === 0;
    return {
      uri,
      version: state.version,
      isDraft: true,
      documentLabel: docDef ? (ja ? docDef.label : docDef.label_en) : undefined,
      categoryLabels: (r?.categories ?? []).map(
        (c) => (ja ? def.categories[c]?.label : def.categories[c]?.label_en) ?? c,
      ),
      required: required.length,
      present,
      problems,
      ...(unchecked ? { unchecked: true } : {}),
      coverageText: unchecked
        ? ja
          ? '必須条項を判定できません'
          : 'Clauses not checked'
        : ja
          ? `必須条項 ${present}/${required.length}`
          : `Required clauses ${present}/${required.length}`,
      tooltip: unchecked
        ? ja
          ? `itaku: front matter（YAML、document、category）に問題があるため、必須条項を判定できません。指摘 ${problems} 件。クリックで条項カバレッジを表示します。`
          : `itaku: the clauses cannot be checked until the front matter (YAML, document, category) is fixed. ${problems} problem(s). Click to show the clause coverage.`
        : ja
          ? `itaku: この草案の指摘 ${problems} 件。クリックで条項カバレッジを表示します。`
          : `itaku: ${problems} problem(s) in this draft. Click to show the clause coverage.`,
    };
  }
}
