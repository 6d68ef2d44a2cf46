import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export type BlockKind = 'heading' | 'paragraph' | 'html' | 'code';

/** A leaf block of the draft, located by offsets into the full text. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1–6; 0 for other blocks. */
  depth: number;
  /** How many list items contain the block. */
  listDepth: number;
  /** Offset of the list item's marker when this block is the item's first child; -1 otherwise. */
  itemOffset: number;
  quoted: boolean;
}

export interface FrontMatterBlock {
  /** Offsets of the whole front matter, fences included. */
  start: number;
  end: number;
  /** Offset where the YAML text (the first line after the opening fence) starts. */
  valueStart: number;
  value: string;
}

/** A top-level node: where it is, and whether it is a construct that only an explicit end closes. */
export interface RootSpan {
  start: number;
  end: number;
  type: string;
}

export interface ParsedMarkdown {
  frontMatter?: FrontMatterBlock;
  blocks: Block[];
  /** The root's children, in order. */
  roots: RootSpan[];
}

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
// Front matter exists only at the very start of a draft; a later piece parsed alone must not see one.
const withoutFrontMatter = unified().use(remarkParse);

/**
 * Does the text open with a closed `---` front matter? micromark-extension-frontmatter 2.0.0
 * garbles later list items (`- a` becomes a paragraph) when a text starts with `---` that is not
 * closed, so the extension is only used when there is a front matter to read.
 */
export function startsWithFrontMatter(text: string): boolean {
  return frontMatterEnd(text) > 0;
}

/** Offset just after the closing fence of a front matter that opens the text; 0 when there is none. */
export function frontMatterEnd(text: string): number {
  const m = /^\ufeff?---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!m) return 0;
  const close = /(^|\r\n|\r|\n)---[ \t]*(\r\n|\r|\n|$)/.exec(text.slice(m[0].length));
  return close ? m[0].length + close.index + close[0].length : 0;
}

/** Length of the line starting at `offset`, including its line break. */
function lineLengthWithBreak(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) === 10) i++;
  return i - offset;
}

/**
 * Parses Markdown into its leaf blocks. `base` is added to every offset, so a slice of a larger
 * text can be parsed on its own. A leading BOM is stripped before parsing (micromark drops it
 * silently and every offset would come out one lower) and accounted for in the offsets.
 */
export function parseMarkdown(text: string, base = 0, frontMatterAllowed = true): ParsedMarkdown {
  let shift = base;
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) {
    source = source.slice(1);
    shift += 1;
  }
  const root = (frontMatterAllowed && startsWithFrontMatter(source) ? withFrontMatter : withoutFrontMatter).parse(source) as Root;
  const blocks: Block[] = [];
  let frontMatter: FrontMatterBlock | undefined;

  const visit = (node: Nodes, listDepth: number, itemOffset: number, quoted: boolean): void => {
    const pos = node.position;
    switch (node.type) {
      case 'yaml': {
        if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
        const start = pos.start.offset;
        frontMatter = {
          start: start + shift,
          end: pos.end.offset + shift,
          valueStart: start + lineLengthWithBreak(source, start) + shift,
          value: node.value,
        };
        return;
      }
      case 'heading':
      case 'paragraph':
      case 'html':
      case 'code': {
        if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
        blocks.push({
          kind: node.type,
          start: pos.start.offset + shift,
          end: pos.end.offset + shift,
          depth: node.type === 'heading' ? node.depth : 0,
          listDepth,
          itemOffset,
          quoted,
        });
        return;
      }
      case 'listItem': {
        const markerOffset = pos?.start.offset === undefined ? -1 : pos.start.offset + shift;
        node.children.forEach((child, i) => visit(child, listDepth + 1, i === 0 ? markerOffset : -1, quoted));
        return;
      }
      case 'root':
      case 'list':
        node.children.forEach((child) => visit(child, listDepth, -1, quoted));
        return;
      case 'blockquote':
        node.children.forEach((child) => visit(child, listDepth, -1, true));
        return;
      default:
        return;
    }
  };
  visit(root, 0, -1, false);
  const roots: RootSpan[] = [];
  for (const child of root.children) {
    const pos = child.position;
    if (pos?.start.offset !== undefined && pos.end.offset !== undefined) roots.push({ start: pos.start.offset + shift, end: pos.end.offset + shift, type: child.type });
  }
  return { frontMatter, blocks, roots };
}
