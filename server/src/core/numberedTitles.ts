// The draft's own numbering: each numbered title (a heading, or a titled paragraph such as
// 第6条（秘密の保持）) with the group of siblings it belongs to, so fixes can pick a free number
// and the numbering rule can find duplicates and gaps.
import { headingText } from './text/trim';
import {
  memoized,
  memoKey,
  remember,
  titleOf,
  type BlockSelector,
  type LocatedBlock,
  type SelectBlocks,
} from './model';
import { formatNumbered, numberKey, parseNumbering, styleKey, type Numbering } from './fixes/numbering';

export interface NumberedTitle {
  /** Index of the block in the draft's blocks. */
  block: number;
  /** Shared with the block's kept number: never changed. */
  readonly numbering: Readonly<Numbering>;
  /** Siblings share a group: same parent section, same level (heading depth or paragraph), same style. */
  group: string;
  key: string;
  /** Offsets of the number (and its surroundings) in the text: the start of the title to the end of the number. */
  start: number;
  end: number;
}

/** The first character a numbered title can start with (第, a bracket, a digit, a kana, ①). */
const NUMBER_START = /^(?:第|[（(]|[0-9０-９]|[ア-ワ]|[①-⑳])/;

/**
 * Can this line start with a number, after indentation, a `#` run and `**`? A scan: the regex it
 * replaces backtracked over runs of spaces (quadratic, issue 12).
 */
function mayBeNumbered(line: string): boolean {
  let i = 0;
  const blank = () => {
    while (line[i] === ' ' || line[i] === '\t') i++;
  };
  blank();
  let hashes = 0;
  while (line[i + hashes] === '#' && hashes < 7) hashes++;
  if (hashes >= 1 && hashes <= 6 && (line[i + hashes] === ' ' || line[i + hashes] === '\t')) {
    i += hashes;
    blank();
  }
  if (line[i] === '*' && line[i + 1] === '*') i += 2;
  blank();
  return NUMBER_START.test(line.slice(i, i + 2));
}

/** The title text of a block (its heading text, or its title line), with its start offset. */
export function titleText(text: string, b: LocatedBlock): { title: string; at: number } {
  if (b.facts.kind === 'heading') {
    const raw = text.slice(b.start, b.start + b.facts.length).split(/\r\n|\r|\n/)[0];
    const { text: title, lead } = headingText(raw);
    return { title: title.trim(), at: b.start + lead };
  }
  const raw = text.slice(b.start, b.start + titleOf(b.facts, text, b.start)[1]);
  // A title may sit under a 【…の場合】 marker line; the title is its last line.
  const parts = raw.split(/\r\n|\r|\n/);
  const last = parts.pop()!;
  const at = b.start + raw.length - last.length;
  const lead = /^\s*/.exec(last)![0].length;
  return { title: last.trim(), at: at + lead };
}

/**
 * Can the block's title carry a number? Told from its first characters, or, for a title under
 * 【…の場合】 marker lines, from the first characters of the line after them (a 第1条 there is
 * numbered as any other: adopting the variant, which deletes the markers, must not reveal it).
 */
function mayHaveNumber(text: string, b: LocatedBlock): boolean {
  let at = b.start;
  for (;;) {
    if (mayBeNumbered(text.slice(at, Math.min(b.end, at + 16)))) return true;
    if (b.facts.kind === 'heading' || text.charCodeAt(at) !== 0x3010 /* 【 */) return false;
    while (at < b.end && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    if (text.charCodeAt(at) === 13) at++;
    if (text.charCodeAt(at) === 10) at++;
    if (at >= b.end) return false;
  }
}

/** What a block's own text says of its number, offsets relative to the block; null when it has none. */
interface OwnNumber {
  numbering: Numbering;
  style: string;
  key: string;
  start: number;
  end: number;
}

const OWN_NUMBER = memoKey<OwnNumber | null>('own-number');

function ownNumber(text: string, b: LocatedBlock): OwnNumber | null {
  const f = b.facts;
  // Only the block's own text is read (so the answer can be kept with its facts across edits elsewhere).
  if (!mayHaveNumber(text, b)) return null;
  if (f.kind !== 'heading' && titleOf(f, text, b.start)[0] === 0) return null;
  const { title, at } = titleText(text, b);
  const bold = title.startsWith('**') ? 2 : 0;
  const n = parseNumbering(title.slice(bold));
  if (!n) return null;
  const shown = formatNumbered({ ...n, bracket: undefined }, n.value, '', n.branch).trimEnd().length;
  return {
    numbering: n,
    style: styleKey(n),
    key: numberKey(n.value, n.branch),
    start: at + bold - b.start,
    end: at + bold + shown - b.start,
  };
}

/** The block's own number, kept with its facts (a keystroke re-reads only the blocks it touched, issue 12). */
function ownOf(text: string, b: LocatedBlock): OwnNumber | null {
  // Most blocks start with no number, or have no title to number: told from their first
  // characters and the title kept on the facts, so nothing is kept for them.
  if (!mayHaveNumber(text, b)) return null;
  if (b.facts.kind !== 'heading' && titleOf(b.facts, text, b.start)[0] === 0) return null;
  const kept = memoized(b.facts, OWN_NUMBER);
  return kept !== undefined ? kept : remember(b.facts, OWN_NUMBER, ownNumber(text, b));
}

/** The blocks the numbering reads: headings and numbered titles outside lists and quotes. */
const NUMBERED_OR_HEADING: BlockSelector = {
  name: 'numbered-or-heading',
  test: (b, text) => {
    const f = b.facts;
    if (f.listDepth > 0 || f.quoted || f.kind === 'code' || f.kind === 'html') return false;
    return f.kind === 'heading' || ownOf(text, b) !== null;
  },
};

/** Every numbered title of the draft outside lists and quotes, in order; `select` reads only the blocks that matter. */
export function numberedTitles(text: string, blocks: readonly LocatedBlock[], select?: SelectBlocks): NumberedTitle[] {
  const out: NumberedTitle[] = [];
  // The heading each depth currently sits under: parents[d] = index of the last heading of depth d.
  const parents: number[] = [];
  const indices = select?.(NUMBERED_OR_HEADING);
  const count = indices ? indices.length : blocks.length;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const b = blocks[i];
    const f = b.facts;
    if (f.listDepth > 0 || f.quoted || f.kind === 'code' || f.kind === 'html') continue;
    let parent: number;
    if (f.kind === 'heading') {
      parent = -1;
      for (let d = f.depth - 1; d >= 1; d--)
        if (parents[d] !== undefined) {
          parent = parents[d];
          break;
        }
      parents[f.depth] = i;
      parents.length = f.depth + 1;
    } else {
      parent = -1;
      for (let d = parents.length - 1; d >= 1; d--)
        if (parents[d] !== undefined) {
          parent = parents[d];
          break;
        }
    }
    const own = ownOf(text, b);
    if (!own) continue;
    const level = f.kind === 'heading' ? `h${f.depth}` : 'p';
    out.push({
      block: i,
      numbering: own.numbering,
      group: `${parent}|${level}|${own.style}`,
      key: own.key,
      start: b.start + own.start,
      end: b.start + own.end,
    });
  }
  return out;
}

/** The numbers already used by the siblings of block `block` in the style of `n` (a title there, or the one to be added). */
export function siblingNumbers(text: string, blocks: readonly LocatedBlock[], block: number): Set<string> {
  const all = numberedTitles(text, blocks);
  const self = all.find((t) => t.block === block);
  if (!self) return new Set();
  return new Set(all.filter((t) => t.group === self.group).map((t) => t.key));
}
