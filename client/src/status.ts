import * as vscode from 'vscode';
import type { DraftStatus } from '../../server/src/protocol';

/** Status bar item on a draft: document type, categories and required-clause coverage; click → the Coverage view. */
export class DraftStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('itaku.status', vscode.StatusBarAlignment.Left, 10);
  private readonly statuses = new Map<string, DraftStatus>();

  constructor() {
    this.item.name = 'itaku';
    this.item.command = 'itaku.showCoverage';
  }

  update(status: DraftStatus): void {
    if (status.isDraft) this.statuses.set(status.uri, status);
    else this.statuses.delete(status.uri);
  }

  show(uri: string | undefined): void {
    const s = uri ? this.statuses.get(uri) : undefined;
    if (!s) {
      this.item.hide();
      return;
    }
    const complete = !s.unchecked && s.present >= s.required;
    const parts = [s.documentLabel ?? '?', s.categoryLabels.join('・') || '?'];
    const coverage =
      s.coverageText ??
      (s.unchecked
        ? vscode.l10n.t('Clauses not checked')
        : vscode.l10n.t('Required clauses {0}/{1}', s.present, s.required));
    // Coverage first: long (English) category labels must not push the number out of sight.
    const icon = s.unchecked ? 'error' : complete ? 'pass' : 'warning';
    this.item.text = `$(${icon}) ${coverage} · ${parts.join(' · ')}`;
    this.item.tooltip =
      s.tooltip ?? vscode.l10n.t('itaku: {0} problem(s) in this draft. Click to show the clause coverage.', s.problems);
    this.item.backgroundColor = s.unchecked
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : complete
        ? undefined
        : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
