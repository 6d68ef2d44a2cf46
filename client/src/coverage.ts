// The Coverage view (Explorer): one row per clause of the active draft's document type, as the
// server's itaku/coverage request gives them; refreshed after every analysis of that draft.
import * as vscode from 'vscode';
import { CodeActionRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  CoverageRequest,
  type CoverageAnswer,
  type CoverageItem,
  type CoverageParams,
} from '../../server/src/protocol';

export const COVERAGE_VIEW = 'itaku.coverage';
/** Internal: what clicking a row does (jump to the evidence or the waiver, or offer the clause's fixes). */
export const OPEN_ROW = 'itaku.coverage.openRow';

const ICONS: Record<CoverageItem['mark'], [string, string | undefined]> = {
  present: ['pass', 'testing.iconPassed'],
  missing: ['error', 'errorForeground'],
  waived: ['circle-slash', 'editorWarning.foreground'],
  'not-needed': ['dash', 'disabledForeground'],
};

export class CoverageView implements vscode.TreeDataProvider<CoverageItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<CoverageItem>;
  private answer: CoverageAnswer | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: this, showCollapseAll: false });
    this.subscriptions.push(
      this.view,
      this.changed,
      this.view.onDidChangeVisibility(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.commands.registerCommand(OPEN_ROW, (uri: string, clause: string) => this.open(uri, clause)),
    );
  }

  /** The server analysed `uri` again: refresh when it is the draft shown. */
  analysed(uri: string): void {
    if (uri === this.shown()?.uri.toString()) this.refresh();
  }

  /** The active Markdown document; while a panel or a view has the focus, the last one. */
  private last: vscode.TextDocument | undefined;
  private shown(): vscode.TextDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor) this.last = editor.document.languageId === 'markdown' ? editor.document : undefined;
    if (this.last?.isClosed) this.last = undefined;
    return this.last;
  }

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: CoverageItem): Promise<CoverageItem[]> {
    if (element) return [];
    const doc = this.shown();
    if (!doc) {
      this.answer = null;
      this.view.message = vscode.l10n.t(
        'Open a draft (Markdown whose front matter has a document key) to see its clauses.',
      );
      return [];
    }
    const answer = await this.request(doc.uri.toString());
    this.answer = answer;
    const c = answer?.coverage;
    if (!c) {
      this.view.message =
        answer?.notice ??
        vscode.l10n.t('Open a draft (Markdown whose front matter has a document key) to see its clauses.');
      return [];
    }
    this.view.message = c.checked ? c.header : `${c.header}${c.problem ? ` — ${c.problem}` : ''}`;
    return c.rows;
  }

  private request(uri: string): Promise<CoverageAnswer | null> {
    return this.client
      .sendRequest(CoverageRequest, { uri } satisfies CoverageParams)
      .then((a) => a as CoverageAnswer | null)
      .catch(() => null);
  }

  getTreeItem(row: CoverageItem): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = row.clause;
    item.description = row.description;
    item.tooltip = new vscode.MarkdownString(row.tooltip);
    const [icon, color] = ICONS[row.mark];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = row.mark;
    if (this.answer && (row.evidence || row.waiver || row.mark === 'missing'))
      item.command = { command: OPEN_ROW, title: row.label, arguments: [this.answer.uri, row.clause] };
    return item;
  }

  /** A present clause: select its evidence; a waived one: its waiver; a missing one: pick one of its fixes. */
  private async open(uri: string, clause: string): Promise<void> {
    const answer = this.answer?.uri === uri ? this.answer : await this.request(uri);
    const row = answer?.coverage?.rows.find((r) => r.clause === clause);
    if (!answer || !row) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const target = row.evidence?.range ?? row.waiver?.range ?? row.fix?.range;
    if (!target) return;
    const range = this.client.protocol2CodeConverter.asRange(target);
    const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (row.mark === 'missing') await this.offerFixes(clause, answer);
  }

  /** The server's quick fixes for exactly this clause's missing-clause finding, in a picker. */
  private async offerFixes(clause: string, answer: CoverageAnswer): Promise<void> {
    const diagnostic = answer.fixes[clause];
    if (!diagnostic) return;
    const result = await this.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: answer.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [vscode.CodeActionKind.QuickFix.value] },
    });
    const actions = (await this.client.protocol2CodeConverter.asCodeActionResult(result ?? [])).filter(
      (a): a is vscode.CodeAction => a instanceof vscode.CodeAction && Boolean(a.edit),
    );
    if (!actions.length) return;
    const picked = await vscode.window.showQuickPick(
      actions.map((a) => ({ label: a.title, description: a.isPreferred ? '★' : undefined, action: a })),
      { placeHolder: answer.coverage?.rows.find((r) => r.clause === clause)?.pick },
    );
    if (picked?.action.edit) await vscode.workspace.applyEdit(picked.action.edit);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
