// Step 3 of reading the front matter: the valid values resolved against the catalog into the
// typed FrontMatterInfo (document type, category entries with their spans, organization,
// parties, options). Unknown or missing values are recorded; the rules in ../rules report them.
import { isSeq, type Node as YamlNode } from 'yaml';
import type { Structure } from './parse';
import type { Reading, Span } from './types';
import type { PlainValues } from './validate';

export function resolveInfo(r: Reading, s: Structure, plain: PlainValues): void {
  const { info } = r;
  const docPair = s.pairs.get('document')!;
  info.documentKeySpan = s.span(docPair.key) ?? r.fenceSpan;
  info.documentSpan = s.span(docPair.value) ?? info.documentKeySpan;
  if (typeof plain.document === 'string') {
    info.documentValue = plain.document;
    info.document = r.catalog.documentTypeOf(plain.document);
  }
  resolveCategories(r, s, plain);
  if (typeof plain.organization === 'string' && plain.organization.trim())
    info.organization = plain.organization.trim();
  if (plain.parties && typeof plain.parties === 'object') {
    for (const [k, v] of Object.entries(plain.parties as Record<string, unknown>))
      if (typeof v === 'string' && v.trim()) info.parties[k] = v.trim();
  }
  if (plain.options && typeof plain.options === 'object') {
    for (const [k, v] of Object.entries(plain.options as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v))
        info.options[k] = v as string | boolean | string[];
      else if (v && typeof v === 'object') info.options[k] = JSON.stringify(v);
      const at = s.span(s.optionPairs.get(k)?.value);
      if (at) info.optionSpans[k] = at;
    }
  }
}

/** Each category value (a list, or one string with 、 or , between values) with its node's span. */
function resolveCategories(r: Reading, s: Structure, plain: PlainValues): void {
  const { info, catalog } = r;
  const catPair = s.pairs.get('category');
  const valueSpan = s.span(catPair?.value);
  info.categorySpan = valueSpan && valueSpan[1] > valueSpan[0] ? valueSpan : s.span(catPair?.key);
  const categorySpan = info.categorySpan;
  info.categoryInvalid =
    categorySpan !== undefined &&
    r.findings.some((f) => f.code === 'frontmatter-invalid' && f.start === categorySpan[0]);
  const raw = plain.category;
  const entries: Array<{ value: string; node?: unknown }> = [];
  if (typeof raw === 'string') {
    const node = catPair?.value;
    const parts = raw
      .split(/[,、，]/)
      .map((v) => v.trim())
      .filter(Boolean);
    if (parts.length <= 1) entries.push({ value: raw.trim(), node });
    else parts.forEach((value) => entries.push({ value, node }));
  } else if (Array.isArray(raw) && isSeq(catPair?.value)) {
    const items = (catPair!.value as { items: YamlNode[] }).items;
    raw.forEach((value, i) => {
      if (typeof value === 'string') entries.push({ value: value.trim(), node: items[i] });
    });
  }
  info.categoryCount = entries.length;
  for (const entry of entries) {
    const at: Span = s.span(entry.node) ?? info.categorySpan ?? r.fenceSpan;
    if (!entry.value) continue;
    const id = catalog.categoryOf(entry.value);
    info.categoryEntries.push({ id, value: entry.value, span: at });
    if (id && !info.categories.includes(id)) info.categories.push(id);
  }
}
