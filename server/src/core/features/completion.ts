import type { Analysis } from '../analyze';
import type { Catalog } from '../catalog/compile';
import { displayWording } from '../fixes/fill';
import { escapeSnippet, wordingSnippet } from '../fixes/snippet';
import { completionTitle } from '../fixes/insertClause';
import { wordingChoices, wordingLabel } from '../fixes/wording';
import { FRONT_MATTER_KEYS } from '../frontmatter';
import { localized, messages, type Locale } from '../messages';
import { frontMatterFences } from '../markdown/parse';
import { LineIndex, type Position } from '../text/lineIndex';
import { featureText as say, levelLabel } from './messages';

/** One completion proposal, as plain data (server/src/lsp maps `kind` and marks snippets). */
export interface CompletionEntry {
  label: string;
  kind: 'property' | 'value' | 'enum' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  preselect?: boolean;
  filterText?: string;
  /** Text to insert; a snippet (`$1`, `${2:…}`) when `kind` is 'snippet'. */
  insertText?: string;
  /** The lines a clause snippet fills once inserted, from `line` (what the editor reveals). */
  inserted?: { line: number; lines: number };
}

export interface Completions {
  items: CompletionEntry[];
  /** Ask again as the author types (front-matter lists). */
  isIncomplete: boolean;
}

const NONE: Completions = { items: [], isIncomplete: false };

/** What each front-matter key means; the document types and options are the catalog's. */
function keyDoc(key: string, catalog: Catalog, locale: Locale): string {
  const types = Object.entries(catalog.def.documentTypes);
  const options = Object.keys(catalog.def.options);
  switch (key) {
    case 'document': {
      // 日本語 names each type by its label and id, English by its id.
      const named = types.map(([id, t]) => (locale === 'ja' ? messages.labelWithId(locale, t.label, id) : id));
      return say(locale, 'keyDocDocument', { types: named.join(say(locale, 'keyDocTypeOr')) });
    }
    case 'category':
      return say(locale, 'keyDocCategory');
    case 'organization':
      return say(locale, 'keyDocOrganization');
    case 'parties':
      return say(locale, 'keyDocParties');
    default:
      return say(locale, 'keyDocOptions', { options: options.join(', ') });
  }
}

const md = (value: string) => value;

/** Completion in the front matter (keys and values, ids and 日本語 labels) and, in a draft's body, clause snippets. */
export function completionsAt(
  text: string,
  position: Position,
  analysis: Analysis | undefined,
  catalog: Catalog,
  locale: Locale,
): Completions {
  const lines = new LineIndex(text);
  const lineText = text.slice(lines.lineStart(position.line), lines.offsetAt(position));
  const fmEnd = frontMatterEnd(text, lines);
  if (fmEnd !== undefined && position.line > 0 && position.line < fmEnd)
    return finishedWordsClose(lineText, frontMatterItems(text, lines, position.line, lineText, catalog, locale));
  if (!analysis?.context.documentType || /^\s*(```|~~~)/.test(lineText)) return NONE;
  return { items: clauseItems(analysis, position, locale), isIncomplete: false };
}

/**
 * Front-matter lists are incomplete, so the editor asks again as the author types; once the word
 * before the cursor is a whole key or value (`confirmation: true`), the answer is empty and the
 * list closes: Enter at the end of the line starts a new line instead of accepting a no-op.
 */
function finishedWordsClose(before: string, items: CompletionEntry[]): Completions {
  // The last word, by a backward scan (an unanchored `[^…]*$` is quadratic on long lines).
  let from = before.length;
  while (from > 0 && !/[\s:,[\]{}]/.test(before[from - 1])) from--;
  const word = before.slice(from);
  if (word && items.some((i) => i.label === word || (i.insertText ?? '').trim() === word))
    return { isIncomplete: true, items: [] };
  return { isIncomplete: true, items };
}

/** Line of the closing fence when the text starts with front matter (the line count while it is not closed). */
function frontMatterEnd(text: string, lines: LineIndex): number | undefined {
  const fences = frontMatterFences(text);
  if (!fences) return undefined;
  return fences.close ? lines.lineOf(fences.close.start) : lines.lineCount;
}

const SPACE = /\s/;

/**
 * The key (trimmed) when `before` is `key: value`, `key: [a, b, value` or `key: a, value`, the
 * cursor in the value; undefined otherwise. What `/^([^\s:#][^:]*):\s*(?:\[?\s*(?:[^,\]]*,\s*)*)?([^,\]\s]*)$/`
 * matched, by one scan: that regex backtracks exponentially on `category: [,  ,  ,  …]`.
 */
export function keyOfValue(before: string): string | undefined {
  const colon = before.indexOf(':');
  if (colon <= 0 || SPACE.test(before[0]) || before[0] === '#') return undefined;
  const value = before.slice(colon + 1);
  if (value.includes(']')) return undefined;
  // The word being typed: the trailing run without `,` or whitespace. Before it, either only
  // whitespace, an opening `[`, or a list whose last item is ended by a comma.
  let end = value.length;
  while (end > 0 && value[end - 1] !== ',' && !SPACE.test(value[end - 1])) end--;
  const head = value.slice(0, end).trim();
  return head === '' || head === '[' || head.endsWith(',') ? before.slice(0, colon).trim() : undefined;
}

function frontMatterItems(
  text: string,
  lines: LineIndex,
  line: number,
  before: string,
  catalog: Catalog,
  locale: Locale,
): CompletionEntry[] {
  const def = catalog.def;
  const valueKey = keyOfValue(before);
  if (valueKey !== undefined) {
    const after = text.slice(lines.lineStart(line) + before.length, lines.lineEnd(line));
    return valueItems(catalog, valueKey, () => listedBesidesCursor(before, after, catalog));
  }
  // Inside `options:`: option names, then their values.
  let parent: string | undefined;
  for (let l = line - 1; l > 0; l--) {
    const t = text.slice(lines.lineStart(l), lines.lineEnd(l));
    if (/^\S/.test(t)) {
      parent = t.split(':')[0].trim();
      break;
    }
  }
  if (/^\s+/.test(before) && parent && FRONT_MATTER_KEYS.options.includes(parent)) {
    const value = /^\s+([\w-]+)\s*:\s*(\S*)$/.exec(before);
    if (value) {
      const o = def.options[value[1]];
      if (!o) return [];
      if (o.type === 'boolean') return ['true', 'false'].map((v) => ({ label: v, kind: 'value' as const }));
      if (o.type === 'clause-list')
        return def.clauses.map((c) => ({ label: c.id, kind: 'enum' as const, detail: c.title }));
      return Object.entries(o.values ?? {}).map(([id, v]) => ({
        label: id,
        kind: 'enum' as const,
        detail: localized(locale, v, 'label'),
      }));
    }
    if (/^\s+[\w-]*$/.test(before)) {
      return Object.entries(def.options).map(([name, o]) => ({
        label: name,
        kind: 'property' as const,
        detail: localized(locale, o, 'label'),
        documentation: md(localized(locale, o, 'description')),
        insertText: `${name}: `,
      }));
    }
    return [];
  }
  if (/^[^\s:]*$/.test(before)) {
    return Object.entries(FRONT_MATTER_KEYS).flatMap(([key, aliases]) =>
      aliases
        .filter((a) => a !== 'categories')
        .map((alias) => ({
          label: alias,
          kind: 'property' as const,
          detail: alias === key ? aliases[1] : key,
          documentation: md(keyDoc(key, catalog, locale)),
          insertText: key === 'options' || key === 'parties' ? `${alias}:\n  ` : `${alias}: `,
        })),
    );
  }
  return [];
}

function clauseItems(a: Analysis, position: Position, locale: Locale): CompletionEntry[] {
  const ctx = a.context;
  const cat = ctx.catalog;
  const offset = a.lines.offsetAt(position);
  const items: CompletionEntry[] = [];
  for (const clause of cat.clausesFor(ctx.documentType!)) {
    const index = cat.clauseIndex.get(clause.id)!;
    const req = ctx.requirements.get(index);
    if (!req || req.level === 'not-applicable') continue;
    const present = ctx.locations.has(index);
    const rank = !present && req.level === 'required' ? 0 : !present ? 1 : 2;
    // 日本語 names the level, English shows its id (service-included).
    const state = say(locale, 'clauseState', {
      level: locale === 'ja' ? levelLabel(locale, req.level) : req.level,
      presence: say(locale, present ? 'statePresent' : 'stateMissing'),
    });
    const title = clause.heading ?? clause.title;
    // Numbered like the draft's own headings or articles, as the quick fixes number an insertion.
    const head = completionTitle(ctx, offset, title);
    const headSnippet = `${escapeSnippet(head.line)}\n${head.kind === 'heading' ? '\n' : ''}`;
    for (const { wording, preferred } of wordingChoices(ctx, clause)) {
      const label = wordingLabel(locale, wording);
      const insertText = `${headSnippet}${wordingSnippet(wording.text.trimEnd(), cat, ctx.fill)}\n`;
      items.push({
        label: label ? `${title}（${label}）` : title,
        kind: 'snippet',
        detail: `${clause.id} — ${state}`,
        sortText: `${rank}-${String(index).padStart(2, '0')}-${preferred ? 0 : 1}`,
        preselect: rank === 0 && preferred ? true : undefined,
        filterText: `${title} ${clause.title} ${clause.id} ${label ?? ''}`,
        documentation: md(
          [
            `**${localized(locale, clause, 'title')}** — ${req.basis}`,
            '',
            `${wording.source}`,
            '',
            ...displayWording(wording.text, cat)
              .trim()
              .split('\n')
              .map((l) => `> ${l}`),
            ...(wording.note ? ['', say(locale, 'noteLine', { note: wording.note.trim() })] : []),
          ].join('\n'),
        ),
        insertText,
        // The clause's lines from the start of the line it is typed on (placeholders expand within their line).
        inserted: { line: position.line, lines: insertText.split('\n').length - 1 },
      });
    }
  }
  return items;
}

/**
 * The categories a `key: [a, b, …]` (or `key: a, b`) line already lists, by id, alias or label,
 * leaving out the item the cursor is in (it is being typed or replaced). `before` is the line up
 * to the cursor (keyOfValue accepted it), `after` the rest of the line.
 */
function listedBesidesCursor(before: string, after: string, catalog: Catalog): Set<string> {
  const earlier = before.slice(before.indexOf(':') + 1).split(',');
  earlier.pop(); // the item being typed
  let end = after.indexOf(']');
  if (end < 0) end = after.length;
  // A comment (` #` in YAML) ends the list of a line without `]`.
  const hash = after.indexOf(' #');
  if (hash >= 0 && hash < end) end = hash;
  const later = after.slice(0, end).split(',');
  later.shift(); // the rest of the item at the cursor
  const out = new Set<string>();
  for (const item of [...earlier, ...later]) {
    const id = catalog.categoryOf(bareItem(item));
    if (id) out.add(id);
  }
  return out;
}

/** A flow-list item without its spaces, `[` and quotes (a scan: no regex that backtracks on long runs). */
function bareItem(item: string): string {
  let from = 0;
  let to = item.length;
  const edge = (c: string) => c === '[' || c === '"' || c === "'" || SPACE.test(c);
  while (from < to && edge(item[from])) from++;
  while (to > from && edge(item[to - 1])) to--;
  return item.slice(from, to);
}

/** Values of `document` and `category` (ids and names, in catalog order; a category the list has already, left out). */
function valueItems(catalog: Catalog, valueKey: string, listed: () => Set<string>): CompletionEntry[] {
  const def = catalog.def;
  const key = Object.entries(FRONT_MATTER_KEYS).find(([, aliases]) => aliases.includes(valueKey))?.[0];
  if (key === 'document') {
    return Object.entries(def.documentTypes).flatMap(([id, d]) => [
      {
        label: id,
        kind: 'enum' as const,
        detail: d.label,
        documentation: md(`${d.label} / ${d.label_en} — ${d.part}`),
      },
      ...d.aliases.map((alias) => ({
        label: alias,
        kind: 'enum' as const,
        detail: id,
        documentation: md(`${d.label} / ${d.label_en}`),
      })),
    ]);
  }
  if (key === 'category') {
    const there = listed();
    return Object.entries(def.categories).flatMap(([id, c], i) => {
      if (there.has(id)) return [];
      return [
        {
          label: id,
          kind: 'enum' as const,
          detail: c.label,
          sortText: `${String(i).padStart(2, '0')}a`,
          documentation: md(`${c.label} / ${c.label_en}\n\n${c.aliases.join('、')}`),
        },
        {
          label: c.label,
          kind: 'enum' as const,
          detail: id,
          sortText: `${String(i).padStart(2, '0')}b`,
          documentation: md(`${c.label} / ${c.label_en}`),
        },
      ];
    });
  }
  return [];
}
