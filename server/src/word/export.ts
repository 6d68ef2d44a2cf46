// A Markdown draft to a Word document with the `docx` library: Word's built-in heading styles (the
// navigation pane and a table of contents work), one Word paragraph per line of text, numbers kept
// as written (第5条, (1), ア), lists as Word lists, tables as tables, the front matter as document
// properties, and every unfilled placeholder and 【…の場合】 marker highlighted.
import type { Nodes, Root, RootContent, PhrasingContent, ListItem, Table as MdTable } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import YAML from 'yaml';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IRunOptions,
} from 'docx';
import { analyze, LineIndex, type Catalog, type Locale } from '../core';
import { PROPERTY_KEYS } from './properties';
import { CODE_STYLE, CODE_STYLE_NAME, DIRECTIVE_STYLE, DIRECTIVE_STYLE_NAME } from './toMarkdown';

/** Fonts set explicitly, so a Japanese draft looks the same on every machine that has them. */
export const FONTS = { body: '游明朝', heading: '游ゴシック', code: 'MS ゴシック' } as const;

const HIGHLIGHTED = new Set(['unresolved-placeholder', 'unresolved-variant']);

export interface ExportedHighlight {
  code: 'unresolved-placeholder' | 'unresolved-variant';
  /** 0-based line of the Markdown draft. */
  line: number;
  text: string;
}

export interface ExportResult {
  bytes: Buffer;
  /** Every unfilled placeholder and 【…の場合】 marker, highlighted in the document. */
  highlights: ExportedHighlight[];
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

interface Span {
  start: number;
  end: number;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
}

/** A piece of inline text with its offsets in the Markdown (when its text is the source's). */
interface Piece extends RunStyle {
  text: string;
  start?: number;
}

class Writer {
  readonly blocks: Array<Paragraph | Table> = [];
  private orderedLists = 0;
  readonly orderedStarts = new Set<number>();

  constructor(
    private readonly source: string,
    private readonly marks: Span[],
  ) {}

  /** Runs for the pieces of one line: highlighted where a placeholder is. */
  private runs(pieces: Piece[], base: RunStyle = {}): TextRun[] {
    const out: TextRun[] = [];
    for (const p of pieces) {
      const style: IRunOptions = {
        bold: base.bold || p.bold || undefined,
        italics: base.italics || p.italics || undefined,
        strike: p.strike || undefined,
        ...(p.code || base.code ? { font: { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: FONTS.code } } : {}),
      };
      // Cut the piece where marks start and end; a piece whose offsets are unknown is marked whole.
      const cuts = new Set([0, p.text.length]);
      const marked = (from: number, to: number) =>
        p.start === undefined ? false : this.marks.some((m) => m.start < p.start! + to && m.end > p.start! + from);
      if (p.start !== undefined)
        for (const m of this.marks)
          for (const at of [m.start - p.start, m.end - p.start]) if (at > 0 && at < p.text.length) cuts.add(at);
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < points.length; i++) {
        const text = p.text.slice(points[i], points[i + 1]);
        if (!text) continue;
        out.push(new TextRun({ ...style, text, ...(marked(points[i], points[i + 1]) ? { highlight: 'yellow' } : {}) }));
      }
    }
    return out;
  }

  /** The inline content of a block as lines of pieces (soft and hard breaks end a line). */
  private lines(nodes: PhrasingContent[], style: RunStyle = {}): Piece[][] {
    const lines: Piece[][] = [[]];
    const add = (text: string, start: number | undefined, s: RunStyle) => {
      const parts = text.split(/\r\n|\r|\n/);
      let offset = start;
      parts.forEach((part, i) => {
        if (i > 0) {
          lines.push([]);
          if (offset !== undefined) offset += 1;
        }
        // Indentation of a continuation line is Markdown's, not the text's.
        const lead = i > 0 ? part.length - part.trimStart().length : 0;
        if (part.length > lead)
          lines[lines.length - 1].push({
            ...s,
            text: part.slice(lead),
            start: offset === undefined ? undefined : offset + lead,
          });
        if (offset !== undefined) offset += part.length;
      });
    };
    const visit = (n: PhrasingContent, s: RunStyle) => {
      const start = n.position?.start.offset;
      const end = n.position?.end.offset;
      switch (n.type) {
        case 'text': {
          const exact = start !== undefined && end !== undefined && this.source.slice(start, end) === n.value;
          add(n.value, exact ? start : undefined, s);
          return;
        }
        case 'inlineCode':
          add(n.value, undefined, { ...s, code: true });
          return;
        case 'break':
          lines.push([]);
          return;
        case 'html':
          if (!/^<!--/.test(n.value)) add(n.value, start, s);
          return;
        case 'image':
          add(n.alt ?? '', undefined, s);
          return;
        case 'strong':
          for (const c of n.children) visit(c, { ...s, bold: true });
          return;
        case 'emphasis':
          for (const c of n.children) visit(c, { ...s, italics: true });
          return;
        case 'delete':
          for (const c of n.children) visit(c, { ...s, strike: true });
          return;
        default:
          if ('children' in n) for (const c of n.children as PhrasingContent[]) visit(c, s);
      }
    };
    for (const n of nodes) visit(n, style);
    return lines.filter((l) => l.some((p) => p.text.trim()));
  }

  /** One Markdown paragraph is one Word paragraph: its line breaks are Word line breaks. */
  private joined(lines: Piece[][]): TextRun[] {
    return lines.flatMap((line, i) => (i ? [new TextRun({ break: 1 }), ...this.runs(line)] : this.runs(line)));
  }

  private paragraphs(nodes: PhrasingContent[], options: Record<string, unknown> = {}, style: RunStyle = {}) {
    const lines = this.lines(nodes, style);
    if (lines.length) this.blocks.push(new Paragraph({ ...options, children: this.joined(lines) }));
  }

  block(node: RootContent, indent = 0): void {
    switch (node.type) {
      case 'heading': {
        const level = [
          HeadingLevel.HEADING_1,
          HeadingLevel.HEADING_2,
          HeadingLevel.HEADING_3,
          HeadingLevel.HEADING_4,
          HeadingLevel.HEADING_5,
          HeadingLevel.HEADING_6,
        ][node.depth - 1];
        const pieces = this.lines(node.children).flat();
        this.blocks.push(new Paragraph({ heading: level, children: this.runs(pieces) }));
        return;
      }
      case 'paragraph':
        this.paragraphs(node.children, indent ? { indent: { left: indent } } : {});
        return;
      case 'list': {
        const instance = ++this.orderedLists;
        const start = node.start ?? 1;
        if (node.ordered) this.orderedStarts.add(start);
        for (const item of node.children) this.listItem(item, node.ordered ? { start, instance } : undefined, 0);
        return;
      }
      case 'table':
        this.table(node);
        return;
      case 'code':
        // A code block is an example, not draft text: its own style says so on the way back.
        for (const line of node.value.split(/\r\n|\r|\n/))
          this.blocks.push(new Paragraph({ style: CODE_STYLE, children: this.runs([{ text: line }]) }));
        return;
      case 'blockquote':
        for (const c of node.children) this.block(c, indent + 720);
        return;
      case 'html': {
        // An itaku comment goes through Word in its own paragraph style; other HTML comments are not text.
        const value = node.value
          .split(/\r\n|\r|\n/)
          .map((l) => l.trim())
          .join(' ')
          .trim();
        if (/^<!--\s*itaku[-:\s]/.test(value) && value.endsWith('-->'))
          this.blocks.push(new Paragraph({ style: DIRECTIVE_STYLE, children: [new TextRun(value)] }));
        else if (!value.startsWith('<!--'))
          this.paragraphs([{ type: 'text', value: node.value, position: node.position }]);
        return;
      }
      default:
        return;
    }
  }

  private listItem(item: ListItem, ordered: { start: number; instance: number } | undefined, level: number): void {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        const instance = ++this.orderedLists;
        const start = child.start ?? 1;
        if (child.ordered) this.orderedStarts.add(start);
        for (const c of child.children) this.listItem(c, child.ordered ? { start, instance } : undefined, level + 1);
        continue;
      }
      if (child.type !== 'paragraph') {
        this.block(child, 720 * (level + 1));
        continue;
      }
      const lines = this.lines(child.children);
      if (!lines.length) continue;
      const numbering = first
        ? ordered
          ? { numbering: { reference: `ordered-${ordered.start}`, level, instance: ordered.instance } }
          : { bullet: { level } }
        : { indent: { left: 720 * (level + 1) } };
      this.blocks.push(new Paragraph({ ...numbering, children: this.joined(lines) }));
      first = false;
    }
  }

  private table(node: MdTable): void {
    const width = Math.max(1, ...node.children.map((r) => r.children.length));
    const rows = node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: Array.from({ length: width }, (_, c) => {
            const cell = row.children[c];
            const lines = cell ? this.lines(cell.children, r === 0 ? { bold: true } : {}) : [];
            return new TableCell({
              width: { size: Math.floor(100 / width), type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: this.joined(lines) })],
            });
          }),
        }),
    );
    this.blocks.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    this.blocks.push(new Paragraph({ children: [] }));
  }
}

/** The front matter as custom document properties (the names Word users see, in Japanese). */
function documentProperties(front: unknown): Array<{ name: string; value: string }> {
  if (!front || typeof front !== 'object' || Array.isArray(front)) return [];
  const fm = front as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => fm[k]).find((v) => v !== undefined && v !== null);
  const text = (v: unknown) =>
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  const out: Array<{ name: string; value: string }> = [];
  const document = text(pick('document', '文書種別'));
  if (document) out.push({ name: PROPERTY_KEYS.document[0], value: document });
  const category = pick('category', '業務分類');
  const categories = Array.isArray(category) ? category.map(text).filter(Boolean) : [text(category)].filter(Boolean);
  if (categories.length) out.push({ name: PROPERTY_KEYS.category[0], value: categories.join('、') });
  const organization = text(pick('organization', '組織'));
  if (organization) out.push({ name: PROPERTY_KEYS.organization[0], value: organization });
  const parties = pick('parties', '当事者');
  if (parties && typeof parties === 'object' && !Array.isArray(parties))
    for (const key of ['甲', '乙'] as const) {
      const v = text((parties as Record<string, unknown>)[key]);
      if (v) out.push({ name: key, value: v });
    }
  const options = pick('options', 'オプション');
  if (options && typeof options === 'object')
    out.push({ name: PROPERTY_KEYS.options[0], value: JSON.stringify(options) });
  return out;
}

/**
 * Word's built-in heading styles, with their outline level (the navigation pane and a table of
 * contents read it), bold Gothic, sizes 16 to 10.5 pt.
 */
function headingStyles() {
  const sizes = [32, 28, 24, 22, 21, 21];
  return Object.fromEntries(
    sizes.map((size, i) => [
      `heading${i + 1}`,
      {
        run: { font: { ascii: FONTS.heading, hAnsi: FONTS.heading, eastAsia: FONTS.heading }, bold: true, size },
        paragraph: { outlineLevel: i, keepNext: true, spacing: { before: i < 2 ? 240 : 160, after: 80 } },
      },
    ]),
  ) as Record<'heading1' | 'heading2' | 'heading3' | 'heading4' | 'heading5' | 'heading6', object>;
}

const numberingLevels = (start: number): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

/** A draft that cannot be exported as it is (its front matter is broken: no properties to write). */
export class ExportError extends Error {
  constructor(readonly reason: 'frontmatter') {
    super(reason);
  }
}

/** Converts a Markdown draft to .docx bytes. */
export async function markdownToDocx(
  markdown: string,
  options: { catalog: Catalog; locale: Locale },
): Promise<ExportResult> {
  const text = markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
  const lines = new LineIndex(text);
  const highlights: ExportedHighlight[] = [];
  const marks: Span[] = [];
  for (const d of analyze(text, options)?.result.diagnostics ?? []) {
    if (d.code === 'frontmatter-yaml') throw new ExportError('frontmatter');
    if (!HIGHLIGHTED.has(d.code)) continue;
    const start = lines.offsetAt(d.range.start);
    const end = lines.offsetAt(d.range.end);
    marks.push({ start, end });
    highlights.push({
      code: d.code as ExportedHighlight['code'],
      line: d.range.start.line,
      text: text.slice(start, end).split(/\r\n|\r|\n/)[0],
    });
  }
  const tree = parser.parse(text) as Root;
  const writer = new Writer(text, marks);
  let front: unknown;
  let title: string | undefined;
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      try {
        front = YAML.parse(node.value, { maxAliasCount: 0 });
      } catch {
        front = undefined;
      }
      continue;
    }
    if (node.type === 'heading' && title === undefined) title = plain(node);
    writer.block(node);
  }
  const properties = documentProperties(front);
  const doc = new Document({
    title: title ?? '',
    subject: properties.find((p) => p.name === PROPERTY_KEYS.document[0])?.value ?? '',
    creator: 'itaku',
    customProperties: properties,
    features: { updateFields: false },
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONTS.body, hAnsi: FONTS.body, eastAsia: FONTS.body },
            language: { value: 'ja-JP', eastAsia: 'ja-JP' },
            size: 21,
          },
          paragraph: { spacing: { after: 80, line: 300 } },
        },
        ...headingStyles(),
      },
      paragraphStyles: [
        {
          id: DIRECTIVE_STYLE,
          name: DIRECTIVE_STYLE_NAME,
          basedOn: 'Normal',
          run: { color: '808080', size: 16 },
        },
        {
          id: CODE_STYLE,
          name: CODE_STYLE_NAME,
          basedOn: 'Normal',
          run: { font: { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: FONTS.code }, size: 18 },
        },
      ],
    },
    numbering: {
      config: [...writer.orderedStarts].map((start) => ({
        reference: `ordered-${start}`,
        levels: numberingLevels(start),
      })),
    },
    sections: [{ children: writer.blocks }],
  });
  return { bytes: await Packer.toBuffer(doc), highlights };
}

/** A node's text without markup. */
function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}
