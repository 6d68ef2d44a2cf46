import type { Nodes, Root } from 'mdast';
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Event, ParseContext } from 'micromark-util-types';
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

/**
 * itaku reads only the blocks of a draft, never its inline markup, and CommonMark settles blocks
 * before inline syntax: so the inline constructs (emphasis, links, code spans, inline HTML,
 * escapes) are switched off, and a paragraph's text is one text node. Block structure is the same
 * (test/core/parse.test.ts compares it with the full parse), at less cost; micromark's
 * super-linear inline cases (`*a*a*a…`, unclosed links) do not arise.
 */
const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'characterEscape',
  'characterReference',
  'codeText',
  'hardBreakEscape',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
];
const DISABLE_INLINE = { disable: { null: INLINE_CONSTRUCTS } };

/** The full parse, inline syntax included: only for the test that the blocks are the same. */
const FULL = {
  withFrontMatter: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']),
  withoutFrontMatter: unified().use(remarkParse),
};

/**
 * micromark's parser for blocks only, made once: `parse()` combines every construct's extension
 * anew, a fixed cost that a keystroke's one-window re-parse would pay each time. A parser keeps two
 * pieces of state between documents, `lazy` (which lines are lazy continuations, by line number)
 * and `defined` (link definitions, read only by inline constructs): both start empty for each text.
 */
const PARSERS: { withFrontMatter?: ParseContext; withoutFrontMatter?: ParseContext } = {};
function blockEvents(source: string, frontMatter: boolean): Event[] {
  const parser = frontMatter
    ? (PARSERS.withFrontMatter ??= parse({ extensions: [frontmatter(['yaml']), DISABLE_INLINE] }))
    : (PARSERS.withoutFrontMatter ??= parse({ extensions: [DISABLE_INLINE] }));
  parser.lazy = {};
  parser.defined = [];
  return postprocess(parser.document().write(preprocess()(source, undefined, true)));
}

/** A line break; a lone CR never splits a CRLF pair (so CRLF is one break, not two). */
export const BREAK = String.raw`(?:\r\n|\r(?!\n)|\n)`;

export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HTML_END: Array<[RegExp, RegExp, string]> = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i, ''],
  [/^ {0,3}<!--/, /-->/, '-->'],
  [/^ {0,3}<\?/, /\?>/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/, ']]>'],
  [/^ {0,3}<![A-Za-z]/, />/, '>'],
];

/**
 * What would close a fenced code block or an HTML block (kinds 1–5) whose source is `source`, if
 * it runs unclosed to the end of the text: the fence or end marker to add; '' when it is closed
 * (or closes by itself).
 */
export function closerOf(source: string, type: string): string {
  const firstLine = source.split(/\r\n|\r|\n/, 1)[0];
  if (type === 'code') {
    const open = FENCE_OPEN.exec(firstLine);
    if (!open) return '';
    const lines = source.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1].trim();
    const closedAlready =
      lines.length >= 2 && last.length >= open[1].length && [...last].every((ch) => ch === open[1][0]);
    return closedAlready ? '' : open[1];
  }
  if (type === 'html') {
    for (const [start, end, closer] of HTML_END) {
      if (!start.test(firstLine)) continue;
      if (end.test(source.replace(start, ''))) return '';
      return closer || `</${(/<(\w+)/.exec(firstLine) ?? ['', 'pre'])[1]}>`;
    }
  }
  return '';
}

/** Where the fences of a front matter are; see frontMatterFences. */
export interface FrontMatterFences {
  /** Offset of the opening `---` (1 after a byte order mark). */
  openStart: number;
  /** Offset just after the opening fence's line break: where the YAML text starts. */
  openEnd: number;
  /** Offsets of the closing `---` line, its line break included; undefined while it is not closed. */
  close?: { start: number; end: number };
}

/**
 * The one rule for a front matter that opens the text (the rule micromark's frontmatter extension
 * follows): the first line, after an optional byte order mark, is `---` with only spaces or tabs
 * after it; the first later line that is `---` (spaces or tabs after it) closes it, its line break
 * or the end of the text after it. Undefined when the text does not open with a fence.
 */
export function frontMatterFences(text: string): FrontMatterFences | undefined {
  const open = /^\ufeff?---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const openStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const openEnd = open[0].length;
  const close = /(^|\r\n|\r|\n)---[ \t]*(\r\n|\r|\n|$)/.exec(text.slice(openEnd));
  if (!close) return { openStart, openEnd };
  const start = openEnd + close.index + close[1].length;
  return { openStart, openEnd, close: { start, end: openEnd + close.index + close[0].length } };
}

/**
 * The longest front matter read as YAML, in characters of its value. A draft's settings take a few
 * hundred; a front matter of megabytes (issue 12: 5 MB took 19 s and 1.3 GB) is reported, not read.
 */
export const MAX_FRONT_MATTER = 64 * 1024;

/**
 * The front matter block of a closed front matter that opens the text, from its fences alone (what
 * micromark would make of it, without parsing it): for one too long to parse.
 */
export function frontMatterBlockOf(text: string): FrontMatterBlock | undefined {
  const fences = frontMatterFences(text);
  if (!fences?.close) return undefined;
  const { openStart, openEnd, close } = fences;
  let end = close.end;
  while (end > close.start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  const value = text.slice(openEnd, close.start).replace(/(\r?\n|\r)$/, '');
  return { start: openStart, end, valueStart: openEnd, value };
}

/** Offset just after the closing fence of a front matter that opens the text; 0 when there is none. */
export function frontMatterEnd(text: string): number {
  return frontMatterFences(text)?.close?.end ?? 0;
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
 * Container prefix (indentation, `>`, list markers) a line may have before it stops nesting: eight
 * levels of four-space indentation. A list nested 64 deep took twice as long at 64 (issue 12).
 */
export const MAX_PREFIX = 32;
/** Cheap filter: lines that open with more than MAX_PREFIX characters a container prefix is made of. */
const LONG_PREFIX = new RegExp(`^[ \\t>*+\\-.)0-9]{${MAX_PREFIX + 1},}`, 'gm');
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

/**
 * micromark's cost grows with the square of container depth (a 1 MB list nested 1000 levels deep
 * takes half a minute), so a line whose container prefix (`> > - - …`, indentation) runs past
 * MAX_PREFIX characters has the character there replaced by an ideographic space: from that point
 * on the line is text. Offsets are unchanged (one UTF-16 unit for one); blank lines, thematic
 * breaks and setext underlines are left alone, and no real draft nests that deep.
 */
export function boundNesting(source: string, from = 0): string {
  LONG_PREFIX.lastIndex = from;
  let out: string[] | undefined;
  let last = 0;
  for (let m = LONG_PREFIX.exec(source); m; m = LONG_PREFIX.exec(source)) {
    let end = m.index;
    while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
    const line = source.slice(m.index, end);
    LONG_PREFIX.lastIndex = end;
    if (CONTAINERS.exec(line)![0].length <= MAX_PREFIX || /^[ \t]*$/.test(line) || THEMATIC_BREAK.test(line)) continue;
    const at = m.index + MAX_PREFIX;
    (out ??= []).push(source.slice(last, at), '\u3000');
    last = at + 1;
  }
  return out ? out.join('') + source.slice(last) : source;
}

/**
 * Parses Markdown into its leaf blocks. `base` is added to every offset, so a slice of a larger
 * text can be parsed on its own. A leading BOM is stripped before parsing (micromark drops it
 * silently and every offset would come out one lower) and accounted for in the offsets. `inline`:
 * parse inline syntax too and build remark's syntax tree, as remark does by default (the reference
 * of the equivalence test); otherwise the blocks are read from micromark's events directly.
 */
export function parseMarkdown(text: string, base = 0, frontMatterAllowed = true, inline = false): ParsedMarkdown {
  let shift = base;
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) {
    source = source.slice(1);
    shift += 1;
  }
  // micromark-extension-frontmatter 2.0.0 garbles later list items (`- a` becomes a paragraph)
  // when a text starts with `---` that is not closed, so the extension is only used when a closed
  // front matter opens the text.
  const fmEnd = frontMatterAllowed ? frontMatterEnd(source) : 0;
  const withFm = fmEnd > 0;
  source = boundNesting(source, fmEnd);
  return inline ? blocksOfTree(source, shift, withFm) : blocksOfEvents(source, shift, withFm);
}

/** Types of micromark's tokens that become a node of remark's tree (its flow and containers). */
const NODE_TOKENS = new Set([
  'atxHeading',
  'setextHeading',
  'paragraph',
  'htmlFlow',
  'codeFenced',
  'codeIndented',
  'blockQuote',
  'listOrdered',
  'listUnordered',
  'thematicBreak',
  'definition',
  'yaml',
]);
const NODE_TYPE: Record<string, string> = {
  atxHeading: 'heading',
  setextHeading: 'heading',
  htmlFlow: 'html',
  codeFenced: 'code',
  codeIndented: 'code',
  blockQuote: 'blockquote',
  listOrdered: 'list',
  listUnordered: 'list',
};
const LEAF_KIND: Record<string, BlockKind> = {
  atxHeading: 'heading',
  setextHeading: 'heading',
  paragraph: 'paragraph',
  htmlFlow: 'html',
  codeFenced: 'code',
  codeIndented: 'code',
};

/**
 * The blocks of `source` read from micromark's events, as remark would place them in its tree
 * (test/core/parse.test.ts compares the two on fixtures and generated drafts): without building
 * the tree, a third of the parse's time and most of its garbage. A list item is where its
 * `listItemPrefix` is, as mdast-util-from-markdown makes it; a leaf is the item's first child when
 * no other node opened in the item before it.
 */
function blocksOfEvents(source: string, shift: number, withFm: boolean): ParsedMarkdown {
  const events = blockEvents(source, withFm);
  const blocks: Block[] = [];
  const roots: RootSpan[] = [];
  let frontMatter: FrontMatterBlock | undefined;
  let open = 0; // nodes open around the current event
  let listDepth = 0;
  let quotes = 0;
  let itemOffset = -1; // the marker of a list item none of whose children has opened yet
  let fence = -1; // a front matter's opening fence's end
  let leaf: Block | undefined;
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i];
    const type = token.type as string;
    if (type === 'listItemPrefix') {
      if (kind === 'enter') itemOffset = token.start.offset + shift;
      continue;
    }
    if (leaf && kind === 'enter' && (type === 'atxHeadingSequence' || type === 'setextHeadingLineSequence')) {
      if (leaf.depth === 0)
        leaf.depth =
          type === 'atxHeadingSequence'
            ? token.end.offset - token.start.offset
            : source.charCodeAt(token.start.offset) === 61
              ? 1
              : 2;
      continue;
    }
    if (type === 'yamlFence') {
      if (kind === 'exit' && fence < 0) fence = token.end.offset;
      else if (kind === 'enter' && fence >= 0 && frontMatter)
        frontMatter.value = source.slice(fence, token.start.offset).replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
      continue;
    }
    if (!NODE_TOKENS.has(type)) continue;
    if (kind === 'exit') {
      open--;
      itemOffset = -1; // an empty item closed with its list
      if (type === 'listOrdered' || type === 'listUnordered') listDepth--;
      else if (type === 'blockQuote') quotes--;
      if (open === 0)
        roots.push({ start: token.start.offset + shift, end: token.end.offset + shift, type: NODE_TYPE[type] ?? type });
      leaf = undefined;
      continue;
    }
    open++;
    const first = itemOffset;
    itemOffset = -1;
    if (type === 'listOrdered' || type === 'listUnordered') listDepth++;
    else if (type === 'blockQuote') quotes++;
    else if (type === 'yaml') {
      const start = token.start.offset;
      frontMatter = {
        start: start + shift,
        end: token.end.offset + shift,
        valueStart: start + lineLengthWithBreak(source, start) + shift,
        value: '',
      };
    } else if (LEAF_KIND[type]) {
      leaf = {
        kind: LEAF_KIND[type],
        start: token.start.offset + shift,
        end: token.end.offset + shift,
        depth: 0,
        listDepth,
        itemOffset: first,
        quoted: quotes > 0,
      };
      blocks.push(leaf);
    }
  }
  return { frontMatter, blocks, roots };
}

/** The same from remark's syntax tree, inline syntax included: the reference. */
function blocksOfTree(source: string, shift: number, withFm: boolean): ParsedMarkdown {
  const root = (withFm ? FULL.withFrontMatter : FULL.withoutFrontMatter).parse(source) as Root;
  const blocks: Block[] = [];
  let frontMatter: FrontMatterBlock | undefined;

  // Depth-first, in document order, with an explicit stack: a draft nested thousands of levels
  // deep (> > > …) must not overflow the call stack.
  type Pending = { node: Nodes; listDepth: number; itemOffset: number; quoted: boolean };
  const stack: Pending[] = [{ node: root, listDepth: 0, itemOffset: -1, quoted: false }];
  const pushChildren = (children: readonly Nodes[], at: (child: Nodes, i: number) => Pending) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push(at(children[i], i));
  };
  while (stack.length) {
    const { node, listDepth, itemOffset, quoted } = stack.pop()!;
    const pos = node.position;
    switch (node.type) {
      case 'yaml': {
        if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) break;
        const start = pos.start.offset;
        frontMatter = {
          start: start + shift,
          end: pos.end.offset + shift,
          valueStart: start + lineLengthWithBreak(source, start) + shift,
          value: node.value,
        };
        break;
      }
      case 'heading':
      case 'paragraph':
      case 'html':
      case 'code': {
        if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) break;
        blocks.push({
          kind: node.type,
          start: pos.start.offset + shift,
          end: pos.end.offset + shift,
          depth: node.type === 'heading' ? node.depth : 0,
          listDepth,
          itemOffset,
          quoted,
        });
        break;
      }
      case 'listItem': {
        const markerOffset = pos?.start.offset === undefined ? -1 : pos.start.offset + shift;
        pushChildren(node.children, (child, i) => ({
          node: child,
          listDepth: listDepth + 1,
          itemOffset: i === 0 ? markerOffset : -1,
          quoted,
        }));
        break;
      }
      case 'root':
      case 'list':
        pushChildren(node.children, (child) => ({ node: child, listDepth, itemOffset: -1, quoted }));
        break;
      case 'blockquote':
        pushChildren(node.children, (child) => ({ node: child, listDepth, itemOffset: -1, quoted: true }));
        break;
      default:
        break;
    }
  }
  const roots: RootSpan[] = [];
  for (const child of root.children) {
    const pos = child.position;
    if (pos?.start.offset !== undefined && pos.end.offset !== undefined)
      roots.push({ start: pos.start.offset + shift, end: pos.end.offset + shift, type: child.type });
  }
  return { frontMatter, blocks, roots };
}
