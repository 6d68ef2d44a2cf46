import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The open documents, as the library keeps them, and for every change the editor sends the span
 * it replaced: offsets `start`–`end` of the text before it, of `length` characters. The server
 * passes these on to the analysis (Scheduler.edited), so a keystroke in a large draft is not
 * found again by comparing two copies of the whole text. Changes are applied one at a time, as the
 * library applies a notification's changes (each range is in the text the previous one left).
 */
export function editedDocuments(
  onEdit: (uri: string, start: number, end: number, length: number) => void,
): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      for (const change of changes) {
        const length = document.getText().length;
        if ('range' in change) {
          const a = document.offsetAt(change.range.start);
          const b = document.offsetAt(change.range.end);
          onEdit(document.uri, Math.min(a, b), Math.max(a, b), length);
        } else onEdit(document.uri, 0, length, length);
        document = TextDocument.update(document, [change], version);
      }
      return document;
    },
  });
}
