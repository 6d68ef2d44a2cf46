// A converted Word document as a draft: front matter from the document's properties, then the
// project config, then the command line; and the way back from a line of that draft to a place a
// Word user can find.
import YAML from 'yaml';
import { splitCategories, type WordProperties } from './properties';
import type { WordConversion } from './read';
import type { WordParagraph } from './toMarkdown';

/** What a draft's front matter holds, as far as a Word document can say it. */
export interface WordMetadata {
  document?: string;
  category?: string[];
  organization?: string;
  parties?: Record<string, string>;
  options?: unknown;
}

/** Where a front-matter value came from. */
export type MetadataSource =
  { kind: 'property'; name: string } | { kind: 'config'; file: string } | { kind: 'flag'; flag: string };

export interface MetadataLayer {
  metadata: WordMetadata;
  /** The source of each key (a layer of flags: one flag per key). */
  sourceOf: (key: keyof WordMetadata) => MetadataSource;
}

/** The metadata a document's custom properties give, as a layer. */
export function propertiesLayer(properties: WordProperties): MetadataLayer {
  const metadata: WordMetadata = {};
  if (properties.document?.value) metadata.document = properties.document.value;
  if (properties.category?.value) metadata.category = splitCategories(properties.category.value);
  if (properties.organization?.value) metadata.organization = properties.organization.value;
  const parties: Record<string, string> = {};
  if (properties.甲?.value) parties.甲 = properties.甲.value;
  if (properties.乙?.value) parties.乙 = properties.乙.value;
  if (Object.keys(parties).length) metadata.parties = parties;
  if (properties.options?.value) {
    // A YAML (or JSON) mapping; anything else goes through as text, for the schema to report.
    try {
      metadata.options = YAML.parse(properties.options.value, { maxAliasCount: 0 }) as unknown;
    } catch {
      metadata.options = properties.options.value;
    }
  }
  const names: Record<keyof WordMetadata, string | undefined> = {
    document: properties.document?.name,
    category: properties.category?.name,
    organization: properties.organization?.name,
    parties: properties.甲?.name ?? properties.乙?.name,
    options: properties.options?.name,
  };
  return { metadata, sourceOf: (key) => ({ kind: 'property', name: names[key] ?? key }) };
}

/**
 * The document type and categories the project configuration gives (.itaku.yaml `defaults`, per
 * glob in `overrides`), as a layer between the document's properties and the flags.
 */
export function configLayer(
  defaults: { document?: string; category?: string | string[] } | undefined,
  file: string | undefined,
): MetadataLayer | undefined {
  if (!defaults || (!defaults.document && !defaults.category?.length)) return undefined;
  const metadata: WordMetadata = {};
  if (defaults.document) metadata.document = defaults.document;
  if (defaults.category?.length)
    metadata.category = typeof defaults.category === 'string' ? [defaults.category] : defaults.category;
  return { metadata, sourceOf: () => ({ kind: 'config', file: file ?? '.itaku.yaml' }) };
}

export interface WordDraft {
  /** The draft as Markdown: front matter, then the body. */
  text: string;
  /** Line of the draft → where it is in Word. */
  origin: Array<WordLocation | undefined>;
  /** Where each front-matter value came from. */
  sources: Partial<Record<keyof WordMetadata, MetadataSource>>;
}

/** A place in a Word document (or the setting a front-matter value came from). */
export type WordLocation = ({ kind: 'paragraph' } & WordParagraph) | MetadataSource;

const KEYS: Array<keyof WordMetadata> = ['document', 'category', 'organization', 'parties', 'options'];

const flow = (value: unknown) =>
  YAML.stringify(value, { collectionStyle: 'flow', lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' }).trimEnd();

/**
 * The draft for a converted document, each key from the first layer that has it (properties, then
 * config, then flags); undefined when no layer names a document type: the file is not a draft.
 */
export function wordDraft(conversion: WordConversion, layers: MetadataLayer[]): WordDraft | undefined {
  const front: string[] = ['---'];
  const origin: Array<WordLocation | undefined> = [undefined];
  const sources: WordDraft['sources'] = {};
  for (const key of KEYS) {
    const layer = layers.find((l) => l.metadata[key] !== undefined);
    if (!layer) continue;
    const line = `${key}: ${flow(layer.metadata[key])}`;
    if (line.includes('\n')) continue;
    front.push(line);
    origin.push((sources[key] = layer.sourceOf(key)));
  }
  if (!sources.document) return undefined;
  front.push('---', '');
  origin.push(undefined, undefined);
  const lines = [...front, ...conversion.lines];
  for (const o of conversion.origin) origin.push(o && { kind: 'paragraph', ...o });
  return { text: lines.join('\n') + '\n', origin, sources };
}

/** Where line `line` of a Word draft is: its paragraph, or the nearest one (a blank line between). */
export function locate(draft: WordDraft, line: number): WordLocation | undefined {
  if (draft.origin[line]) return draft.origin[line];
  for (let i = line; i >= 0; i--) if (draft.origin[i]?.kind === 'paragraph') return draft.origin[i];
  for (let i = line; i < draft.origin.length; i++) if (draft.origin[i]) return draft.origin[i];
  return undefined;
}
