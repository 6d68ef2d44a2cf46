import type { Catalog } from '../catalog/compile';
import { PLACEHOLDER_MARKER, placeholderDisplay } from '../catalog/compile';
import { adaptTerms, fillValue, termsAsPlaceholders, type FillContext } from './fill';

/** Escapes literal text for a TextMate/LSP snippet. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

const escapeChoice = (text: string) => text.replace(/[\\$}|,]/g, (c) => `\\${c}`);

/**
 * Model wording as a snippet: each placeholder the draft cannot fill becomes a tab stop (the same
 * placeholder shares one stop), a choice list where the template offers alternatives.
 */
export function wordingSnippet(text: string, catalog: Catalog, fill?: FillContext, firstStop = 1): string {
  const stops = new Map<string, number>();
  let next = firstStop;
  let out = '';
  let last = 0;
  text = termsAsPlaceholders(text, fill);
  for (const m of text.matchAll(PLACEHOLDER_MARKER)) {
    out += escapeSnippet(adaptTerms(text.slice(last, m.index), fill));
    last = (m.index ?? 0) + m[0].length;
    const name = m[1];
    const def = catalog.def.placeholders[name];
    const value = fill && def?.fill ? fillValue(name, fill) : undefined;
    if (value !== undefined) {
      out += escapeSnippet(value);
      continue;
    }
    const key = `${name}:${m[2] ?? ''}`;
    let stop = stops.get(key);
    const repeat = stop !== undefined;
    if (stop === undefined) stops.set(key, (stop = next++));
    if (!def) out += `\${${stop}}`;
    else if (def.choices?.length && !repeat) {
      out += `\${${stop}|${def.choices.map(escapeChoice).join(',')}|}`;
    } else out += repeat ? `$${stop}` : `\${${stop}:${escapeSnippet(placeholderDisplay(def, m[2]))}}`;
  }
  out += escapeSnippet(adaptTerms(text.slice(last), fill));
  return out;
}
