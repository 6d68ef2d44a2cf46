import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { type Analysis, type Locale, outlineOf, type OutlineSymbol } from '../core';

const KIND = { section: SymbolKind.Namespace, clause: SymbolKind.Field } as const;

function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: s.name,
    detail: s.detail,
    kind: KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
  };
  if (s.children) symbol.children = s.children.map(toDocumentSymbol);
  return symbol;
}

/** The core's outline as LSP document symbols. */
export function documentSymbols(a: Analysis, locale: Locale): DocumentSymbol[] {
  return outlineOf(a, locale).map(toDocumentSymbol);
}
