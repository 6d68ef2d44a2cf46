import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver';
import { type Analysis, type Catalog, type CompletionEntry, completionsAt, type Locale } from '../core';
import { Commands } from '../protocol';

const KIND = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
} as const;

function toCompletionItem(e: CompletionEntry): CompletionItem {
  const item: CompletionItem = { label: e.label, kind: KIND[e.kind] };
  if (e.detail !== undefined) item.detail = e.detail;
  if (e.sortText !== undefined) item.sortText = e.sortText;
  if (e.preselect !== undefined) item.preselect = e.preselect;
  if (e.filterText !== undefined) item.filterText = e.filterText;
  if (e.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  if (e.kind === 'snippet') item.insertTextFormat = InsertTextFormat.Snippet;
  if (e.insertText !== undefined) item.insertText = e.insertText;
  return item;
}

/** A clause snippet carries Commands.reveal over the lines it fills, for a client that runs it. */
function withReveal(item: CompletionItem, e: CompletionEntry, uri: string | undefined): CompletionItem {
  if (!uri || !e.inserted) return item;
  const range = {
    start: { line: e.inserted.line, character: 0 },
    end: { line: e.inserted.line + e.inserted.lines, character: 0 },
  };
  return {
    ...item,
    command: { title: 'itaku: reveal', command: Commands.reveal, arguments: [{ uri, range, moveCursor: false }] },
  };
}

/** The core's completions as LSP items: a list that is re-asked while incomplete, else an array. */
export function completions(
  text: string,
  position: Position,
  analysis: Analysis | undefined,
  catalog: Catalog,
  locale: Locale,
  /** The document's uri, when the client runs Commands.reveal (the inserted clause is shown). */
  revealIn?: string,
): CompletionItem[] | CompletionList {
  const c = completionsAt(text, position, analysis, catalog, locale);
  const items = c.items.map((e) => withReveal(toCompletionItem(e), e, revealIn));
  return c.isIncomplete ? { isIncomplete: true, items } : items;
}
