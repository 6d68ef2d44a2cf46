import * as vscode from 'vscode';

/** The argument of Commands.reveal: the inserted text's range (LSP, in the document after the edit). */
export interface RevealArgument {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** False for completion: the snippet's tab stop keeps the cursor. */
  moveCursor?: boolean;
}

const HIGHLIGHT_MS = 1500;

/**
 * Shows what a fix or a completion inserted: scrolls it into view and highlights it briefly (as
 * a find match is), the cursor at its start. The highlight goes with the next edit or after
 * 1.5 s; nothing is left selected, so typing never replaces the inserted clause.
 */
export class InsertionRevealer implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    isWholeLine: true,
  });
  private clear: (() => void) | undefined;

  reveal(arg: RevealArgument): vscode.Range | undefined {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === arg?.uri);
    if (!editor || !arg.range) return undefined;
    const doc = editor.document;
    const range = doc.validateRange(
      new vscode.Range(arg.range.start.line, arg.range.start.character, arg.range.end.line, arg.range.end.character),
    );
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (arg.moveCursor !== false) editor.selection = new vscode.Selection(range.start, range.start);
    this.clear?.();
    editor.setDecorations(this.decoration, [range]);
    const timer = setTimeout(() => this.clear?.(), HIGHLIGHT_MS);
    const edited = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && e.contentChanges.length) this.clear?.();
    });
    this.clear = () => {
      clearTimeout(timer);
      edited.dispose();
      editor.setDecorations(this.decoration, []);
      this.clear = undefined;
    };
    return range;
  }

  dispose(): void {
    this.clear?.();
    this.decoration.dispose();
  }
}
