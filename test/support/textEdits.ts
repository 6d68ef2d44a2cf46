import { LineIndex } from '../../server/src/core/text/lineIndex';

export interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies LSP text edits (positions in the original text) the way an editor does. */
export function applyTextEdits(text: string, edits: readonly LspTextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((e) => ({
    start: lines.offsetAt(e.range.start),
    end: lines.offsetAt(e.range.end),
    newText: e.newText,
  }));
  offsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits of a WorkspaceEdit for one document (documentChanges or changes). */
export function editsOf(
  edit: {
    documentChanges?: Array<{ textDocument: { uri: string }; edits: LspTextEdit[] }>;
    changes?: Record<string, LspTextEdit[]>;
  },
  uri: string,
): LspTextEdit[] {
  if (edit.documentChanges)
    return edit.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
  return edit.changes?.[uri] ?? [];
}
