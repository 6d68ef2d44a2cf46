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

const PATTERNS: Array<{ re: RegExp; kind: Numbering['kind'] }> = [
  { re: /^(第\s*)([0-9０-９]+)(\s*条(?:の[0-9０-９]+)?)/, kind: 'arabic' },
  { re: /^(第\s*)([0-9０-９]+)(\s*)/, kind: 'arabic' },
  { re: /^([（(]\s*)([0-9０-９]+)(\s*[）)]\s*)/, kind: 'arabic' },
  { re: /^((?:[0-9０-９]+[.．])+)([0-9０-９]+)([.．]?\s*)/, kind: 'arabic' },
  { re: /^()([0-9０-９]+)([.．、]\s*|\s+)/, kind: 'arabic' },
  { re: /^([（(]\s*)([ア-ワ])(\s*[）)]\s*)/, kind: 'kana' },
  { re: /^()([ア-ワ])([.．、]\s*|\s+)/, kind: 'kana' },
  { re: /^()([①-⑳])(\s*)/, kind: 'circled' },
];

/** Reads the numbering at the start of a title; undefined when it has none. */
export function parseNumbering(title: string): Numbering | undefined {
  for (const { re, kind } of PATTERNS) {
    const m = re.exec(title);
    if (!m) continue;
    const value = kind === 'kana' ? KANA.indexOf(m[2]) + 1 : kind === 'circled' ? CIRCLED.indexOf(m[2]) + 1 : toNumber(m[2]);
    if (value <= 0) continue;
    const numbering: Numbering = { before: m[1], after: m[3], kind, wide: /[０-９]/.test(m[2]), value };
    const branch = /^(\s*条)の([0-9０-９]+)$/.exec(m[3]);
    if (branch) {
      numbering.after = branch[1];
      numbering.branch = toNumber(branch[2]);
    }
    const rest = title.slice(m[0].length);
    const bracket = /^\s*([（(【［[])/.exec(rest);
    if (bracket) numbering.bracket = [bracket[1], { '（': '）', '(': ')', '【': '】', '［': '］', '[': ']' }[bracket[1]]!];
    return numbering;
  }
  return undefined;
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
  const after = branch ? `${n.after}の${formatDigits(branch, n.wide)}` : n.after;
  const body = n.bracket ? `${n.bracket[0]}${title}${n.bracket[1]}` : title;
  const gap = n.bracket || /\s$/.test(after) || /[.．、)）条]$/.test(after) ? '' : ' ';
  return `${n.before}${label}${after}${gap}${body}`;
}
