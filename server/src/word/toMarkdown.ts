// mammoth's reading of a Word document (its document model, not its HTML) written as the Markdown
// the analysis understands: one block per Word paragraph, heading styles as headings, bullets as
// list items, tables as pipe tables; every line remembers the paragraph it came from.
import { NUMBER_STYLE } from './numbering';

/** The subset of mammoth's document model read here (mammoth's `transformDocument` input). */
export interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { isOrdered: boolean; level: string } | null;
  breakType?: string;
  checked?: boolean;
}

/** Where a line of the converted draft is in the Word document. */
export interface WordParagraph {
  /** 1-based index among the document's paragraphs in reading order, table cells included. */
  index: number;
  /** Text of the headings the paragraph sits under, outermost first. */
  headings: string[];
  /** The paragraph's automatic number as Word shows it (第5条, (1), ア), when it has one. */
  number?: string;
  /** The paragraph's first words. */
  excerpt: string;
}

export interface MarkdownBody {
  lines: string[];
  /** For each line, the paragraph it shows; undefined for blank lines. */
  origin: Array<WordParagraph | undefined>;
  /** How many paragraphs the document has. */
  paragraphs: number;
}

/** The paragraph style that carries an itaku comment (`<!-- itaku… -->`) through Word and back. */
export const DIRECTIVE_STYLE = 'ItakuDirective';
export const DIRECTIVE_STYLE_NAME = 'itaku directive';

/** The paragraph style of a code block's lines (an example, not draft text), kept as a fenced block. */
export const CODE_STYLE = 'ItakuCode';
export const CODE_STYLE_NAME = 'itaku code';

const isCode = (p: MammothElement) => p.styleId === CODE_STYLE || (p.styleName ?? '').toLowerCase() === CODE_STYLE_NAME;

/** An itaku comment on one line, as the export writes it: kept as a comment, not as text. */
function directiveOf(p: MammothElement, text: string): string | undefined {
  if (p.styleId !== DIRECTIVE_STYLE && (p.styleName ?? '').toLowerCase() !== DIRECTIVE_STYLE_NAME) return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  const body = line.startsWith('<!--') && line.endsWith('-->') ? line.slice(4, -3) : undefined;
  return body !== undefined && !body.includes('-->') && /^\s*itaku[-:\s]/.test(body) ? line : undefined;
}

const EXCERPT_LENGTH = 24;
const OPENING_BRACKETS = new Set(['（', '(', '「', '『', '【', '〔', '[', '［', '〈', '《']);

function excerptOf(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > EXCERPT_LENGTH ? chars.slice(0, EXCERPT_LENGTH).join('') + '…' : chars.join('');
}

/** A paragraph's text and its automatic number. Comments and notes are not draft text. */
function paragraphText(p: MammothElement): { number?: string; text: string } {
  let number: string | undefined;
  let text = '';
  const visit = (e: MammothElement) => {
    switch (e.type) {
      case 'text':
        text += e.value ?? '';
        return;
      case 'tab':
        text += ' ';
        return;
      case 'break':
        if (e.breakType === 'line') text += '\n';
        return;
      case 'checkbox':
        text += e.checked ? '☑' : '☐';
        return;
      case 'run':
        if (e.styleId === NUMBER_STYLE) {
          number = (e.children ?? []).map((c) => c.value ?? '').join('');
          return;
        }
        break;
      case 'commentReference':
      case 'noteReference':
      case 'image':
      case 'bookmarkStart':
        return;
    }
    for (const c of e.children ?? []) visit(c);
  };
  visit(p);
  if (number === undefined) return { text };
  // The label was written with a tab for Word's separator: a space, or nothing before a bracket.
  const label = number.replace(/\t$/, '');
  const separator = number.endsWith('\t') && !OPENING_BRACKETS.has(text.trimStart()[0] ?? '') ? ' ' : '';
  return { number: label, text: label + separator + text.trimStart() };
}

/** A line of Word text made safe as a Markdown line: nothing in it starts a block or an HTML tag. */
function safeLine(line: string): string {
  // Spaces and tabs trimmed by scanning (a regex anchored at the end would be quadratic on long runs).
  let from = 0;
  let to = line.length;
  while (from < to && (line[from] === ' ' || line[from] === '\t')) from++;
  while (to > from && (line[to - 1] === ' ' || line[to - 1] === '\t')) to--;
  const trimmed = line.slice(from, to);
  const html = trimmed.replace(/<(?=[A-Za-z!/?])/g, '&lt;');
  return /^(#{1,6}(\s|$)|>|[-+*](\s|$)|=+$|-+$|_+$|\*+$|`{3,}|~{3,}|\|)/.test(html) ? `\\${html}` : html;
}

function headingLevel(p: MammothElement): number {
  const name = (p.styleName ?? '').trim().toLowerCase();
  if (name === 'title') return 1;
  const m = /^heading\s*([1-9])$/.exec(name) ?? /^Heading([1-9])$/.exec(p.styleId ?? '');
  return m ? Math.min(Number(m[1]), 6) : 0;
}

/** Writes mammoth's document as Markdown lines, each remembering its paragraph. */
export function documentToMarkdown(document: MammothElement): MarkdownBody {
  const lines: string[] = [];
  const origin: Array<WordParagraph | undefined> = [];
  const headings: Array<{ level: number; text: string }> = [];
  let index = 0;
  let previous: 'list' | 'row' | 'block' | 'code' | undefined;
  let fence = '';

  const emit = (kind: 'list' | 'row' | 'block' | 'code', text: string[], info: WordParagraph) => {
    if (fence && kind !== 'code') {
      lines.push(fence);
      origin.push(undefined);
      fence = '';
    }
    if (lines.length && !(kind !== 'block' && previous === kind)) {
      lines.push('');
      origin.push(undefined);
    }
    for (const l of text) {
      lines.push(l);
      origin.push(info);
    }
    previous = kind;
  };
  const info = (number: string | undefined, text: string): WordParagraph => ({
    index,
    headings: headings.map((h) => h.text),
    ...(number ? { number } : {}),
    excerpt: excerptOf(number ? text.slice(number.length) : text),
  });

  const paragraph = (p: MammothElement) => {
    index++;
    const { number, text } = paragraphText(p);
    if (isCode(p)) {
      // Consecutive code lines are one fenced block, its fence longer than any run of backticks inside.
      if (!fence) {
        fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
        emit('code', [`${fence}text`], info(undefined, text));
      }
      for (const l of text.split('\n')) {
        lines.push(l);
        origin.push(info(undefined, text));
      }
      return;
    }
    const directive = directiveOf(p, text);
    if (directive) {
      emit('block', [directive], info(undefined, directive));
      return;
    }
    const parts = text.split('\n').map(safeLine);
    if (!parts.some((l) => l)) return;
    const level = headingLevel(p);
    if (level) {
      const title = parts.filter(Boolean).join(' ');
      while (headings.length && headings[headings.length - 1].level >= level) headings.pop();
      emit('block', [`${'#'.repeat(level)} ${title.replace(/^\\/, '')}`], info(number, text));
      headings.push({ level, text: title });
      return;
    }
    if (p.numbering && !p.numbering.isOrdered) {
      const depth = Math.min(Math.max(Number.parseInt(p.numbering.level, 10) || 0, 0), 8);
      const indent = '  '.repeat(depth);
      emit(
        'list',
        parts.filter(Boolean).map((l, i) => (i === 0 ? `${indent}- ${l}` : `${indent}  ${l}`)),
        info(number, text),
      );
      return;
    }
    emit(
      'block',
      parts.filter((l) => l),
      info(number, text),
    );
  };

  const cellText = (cell: MammothElement): { text: string; first?: WordParagraph } => {
    const texts: string[] = [];
    let first: WordParagraph | undefined;
    const visit = (e: MammothElement) => {
      if (e.type === 'paragraph') {
        index++;
        const { number, text } = paragraphText(e);
        const flat = text.replace(/\s+/g, ' ').trim();
        if (flat) {
          texts.push(flat);
          first ??= info(number, text);
        }
        return;
      }
      for (const c of e.children ?? []) visit(c);
    };
    visit(cell);
    return {
      text: texts
        .join(' ')
        .replace(/\|/g, '\\|')
        .replace(/<(?=[A-Za-z!/?])/g, '&lt;'),
      first,
    };
  };

  const table = (t: MammothElement) => {
    const rows = (t.children ?? []).filter((r) => r.type === 'tableRow');
    let width = 0;
    const written: Array<{ cells: string[]; first?: WordParagraph }> = [];
    for (const row of rows) {
      const cells = (row.children ?? []).filter((c) => c.type === 'tableCell').map(cellText);
      width = Math.max(width, cells.length);
      written.push({ cells: cells.map((c) => c.text), first: cells.find((c) => c.first)?.first });
    }
    if (!written.some((r) => r.cells.some(Boolean))) return;
    const fallback: WordParagraph = { index, headings: headings.map((h) => h.text), excerpt: '' };
    written.forEach((r, i) => {
      const cells = [...r.cells, ...Array<string>(width - r.cells.length).fill('')];
      const where = r.first ?? fallback;
      emit('row', [`| ${cells.join(' | ')} |`], where);
      if (i === 0) emit('row', [`|${' --- |'.repeat(width)}`], where);
    });
    previous = 'block';
  };

  const visit = (e: MammothElement) => {
    if (e.type === 'paragraph') paragraph(e);
    else if (e.type === 'table') table(e);
    else for (const c of e.children ?? []) visit(c);
  };
  visit(document);
  if (fence) {
    lines.push(fence);
    origin.push(undefined);
  }
  return { lines, origin, paragraphs: index };
}
