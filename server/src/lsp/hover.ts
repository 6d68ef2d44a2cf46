import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { type Analysis, hoverAt, type Locale } from '../core';

/** The core's hover as LSP Markdown content. */
export function hover(a: Analysis, position: Position, locale: Locale): Hover | null {
  const h = hoverAt(a, position, locale);
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
}
