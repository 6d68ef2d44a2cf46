// The numbering of a clause title (### (7) …, 第6条（…）, ７．…, ア …), so an inserted clause
// continues its neighbours' style.

export interface Numbering {
  /** Text before the number, e.g. `(`, `第`, `7.` in `7.3`. */
  before: string;
  /** Text after the number, e.g. `) `, `条`, `．`. */
  after: string;
  kind: 'arabic' | 'kana' | 'circled';
  wide: boolean;
  value: number;
  /** Is the title wrapped in brackets after the number (第6条（秘密の保持）)? */
  bracket?: [string, string];
  /** Branch number of an inserted article (第6条の2 → 2). */
  branch?: number;
}

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const WIDE_DIGITS = '０１２３４５６７８９';

function toNumber(digits: string): number {
  return Number([...digits].map((d) => (WIDE_DIGITS.includes(d) ? String(WIDE_DIGITS.indexOf(d)) : d)).join(''));
}

function formatDigits(value: number, wide: boolean): string {
  const s = String(value);
  return wide ? [...s].map((d) => WIDE_DIGITS[Number(d)]).join('') : s;
}

// Groups: 1 text before the number, 2 the number, 3 text after it; `branch` names the group of a
// branch number (第6条の2: after 条; (3の2), 3の2．: right after the number).
const PATTERNS: Array<{ re: RegExp; kind: Numbering['kind']; branch: number }> = [
  { re: /^(第\s*)([0-9０-９]+)(\s*条)(?:の([0-9０-９]+))?/, kind: 'arabic', branch: 4 },
  { re: /^(第\s*)([0-9０-９]+)(?:の([0-9０-９]+))?(\s*)/, kind: 'arabic', branch: 3 },
  { re: /^([（(]\s*)([0-9０-９]+)(?:の([0-9０-９]+))?(\s*[）)]\s*)/, kind: 'arabic', branch: 3 },
  { re: /^((?:[0-9０-９]+[.．])+)([0-9０-９]+)(?:の([0-9０-９]+))?([.．]?\s*)/, kind: 'arabic', branch: 3 },
  { re: /^()([0-9０-９]+)(?:の([0-9０-９]+))?([.．、]\s*|\s+)/, kind: 'arabic', branch: 3 },
  { re: /^([（(]\s*)([ア-ワ])(?:の([0-9０-９]+))?(\s*[）)]\s*)/, kind: 'kana', branch: 3 },
  { re: /^()([ア-ワ])(?:の([0-9０-９]+))?([.．、]\s*|\s+)/, kind: 'kana', branch: 3 },
  { re: /^()([①-⑳])()(\s*)/, kind: 'circled', branch: 3 },
];

/** Reads the numbering at the start of a title; undefined when it has none. */
export function parseNumbering(title: string): Numbering | undefined {
  for (const { re, kind, branch } of PATTERNS) {
    const m = re.exec(title);
    if (!m) continue;
    const value =
      kind === 'kana' ? KANA.indexOf(m[2]) + 1 : kind === 'circled' ? CIRCLED.indexOf(m[2]) + 1 : toNumber(m[2]);
    if (value <= 0) continue;
    const after = branch === 4 ? m[3] : m[4];
    const numbering: Numbering = { before: m[1], after, kind, wide: /[０-９]/.test(m[2]), value };
    if (m[branch]) numbering.branch = toNumber(m[branch]);
    const rest = title.slice(m[0].length);
    const bracket = /^\s*([（(【［[])/.exec(rest);
    if (bracket)
      numbering.bracket = [bracket[1], { '（': '）', '(': ')', '【': '】', '［': '］', '[': ']' }[bracket[1]]!];
    return numbering;
  }
  return undefined;
}

/** Numberings in one style (same text around the number, same kind), whatever the values. */
export function styleKey(n: Numbering): string {
  const plain = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/．/g, '.');
  return `${n.kind}|${plain(n.before)}|${plain(n.after)}`;
}

/** The number itself (value and branch), as a key: (3) → 3, (3の2) → 3の2. */
export function numberKey(value: number, branch?: number): string {
  return branch && branch > 1 ? `${value}の${branch}` : String(value);
}

/** Is this the numbering of an article (第n条), where insertions take a branch number (第n条の2)? */
export function isArticle(n: Numbering): boolean {
  return /条$/.test(n.after);
}

/** The title `title` numbered `value` (with branch number `branch`) in the style of `n`. */
export function formatNumbered(n: Numbering, value: number, title: string, branch?: number): string {
  let label: string;
  if (n.kind === 'kana') label = KANA[Math.min(value, KANA.length) - 1];
  else if (n.kind === 'circled') label = CIRCLED[Math.min(value, CIRCLED.length) - 1];
  else label = formatDigits(value, n.wide);
  const suffix = branch && branch > 1 ? `の${formatDigits(branch, n.wide)}` : '';
  // An article's branch follows 条 (第6条の2); any other number takes it right after the number ((3の2)).
  const after = isArticle(n) ? `${n.after}${suffix}` : n.after;
  if (!isArticle(n)) label += suffix;
  const body = n.bracket ? `${n.bracket[0]}${title}${n.bracket[1]}` : title;
  const gap = n.bracket || /\s$/.test(after) || /[.．、)）条]$/.test(after) || (!after && /\s$/.test(label)) ? '' : ' ';
  return `${n.before}${label}${after}${gap}${body}`;
}

/**
 * The number a new sibling takes so that it repeats none in `taken` (the numberKeys of its
 * siblings in the same style): next to `n`, after it (n+1 when free, else a branch number n の k)
 * or before it (n−1 when free, else (n−1) の k); undefined when there is none (before the 1st).
 * Articles always take a branch number after their neighbour (第6条の2), as Japanese drafting does.
 */
export function freeNumber(
  n: Numbering,
  before: boolean,
  taken: ReadonlySet<string>,
): { value: number; branch?: number } | undefined {
  const branchOf = (value: number, from: number) => {
    let b = Math.max(2, from);
    while (taken.has(numberKey(value, b))) b++;
    return { value, branch: b };
  };
  if (before) {
    if (n.value <= 1) return undefined;
    if (!taken.has(numberKey(n.value - 1))) return { value: n.value - 1 };
    return branchOf(n.value - 1, 2);
  }
  if (!isArticle(n) && !n.branch && !taken.has(numberKey(n.value + 1))) return { value: n.value + 1 };
  return branchOf(n.value, (n.branch ?? 1) + 1);
}
