// Word's automatic numbering (第1条, (1), ア, ①) is not in the document's text: Word computes it from
// numbering.xml when it lays the page out. This computes the same labels, paragraph by paragraph, and
// writes each into its paragraph as a run of its own (style ItakuNumber), so the text itaku reads
// says 第1条 where Word shows 第1条. Bullets are left to mammoth, which makes them list items.

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The run style that marks a label written by this module (read back by the Markdown writer). */
export const NUMBER_STYLE = 'ItakuNumber';

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  suffix: string;
  style?: string;
}

interface Num {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

const children = (el: Element | null | undefined, name: string): Element[] => {
  const out: Element[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W_NS)
      out.push(n as Element);
  return out;
};
const child = (el: Element | null | undefined, name: string) => children(el, name)[0];
const val = (el: Element | undefined) => el?.getAttributeNS(W_NS, 'val') || el?.getAttribute('w:val') || undefined;
const int = (s: string | undefined, fallback: number) => {
  const n = s === undefined ? NaN : Number.parseInt(s, 10);
  return Number.isSafeInteger(n) ? n : fallback;
};

function readLevel(el: Element): Level {
  return {
    start: int(val(child(el, 'start')), 0),
    format: val(child(el, 'numFmt')) ?? 'decimal',
    text: val(child(el, 'lvlText')) ?? '',
    legal: !!child(el, 'isLgl'),
    suffix: val(child(el, 'suff')) ?? 'tab',
    style: val(child(el, 'pStyle')),
  };
}

const IROHA = 'イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン';
const AIUEO = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const HALF_AIUEO = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';
const HALF_IROHA = 'ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽﾝ';
const KANJI_DIGITS = '〇一二三四五六七八九';

const cycle = (alphabet: string, n: number) => {
  const chars = [...alphabet];
  return chars[(((n - 1) % chars.length) + chars.length) % chars.length];
};

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** 十一, 二十, 百五 …: Japanese counting as in 第十一条. */
function japaneseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  let out = '';
  for (const [unit, name] of [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ] as const) {
    const d = Math.floor(n / unit);
    if (d) out += (d > 1 ? KANJI_DIGITS[d] : '') + name;
    n %= unit;
  }
  return out + (n ? KANJI_DIGITS[n] : '');
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** One counter value in one of Word's number formats (ST_NumberFormat). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(n));
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'aiueoFullWidth':
      return cycle(AIUEO, n);
    case 'aiueo':
      return cycle(HALF_AIUEO, n);
    case 'irohaFullWidth':
      return cycle(IROHA, n);
    case 'iroha':
      return cycle(HALF_IROHA, n);
    case 'japaneseCounting':
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseLegal':
      return japaneseCounting(n);
    case 'japaneseDigitalTenThousand':
    case 'ideographDigital':
      return [...String(n)].map((d) => KANJI_DIGITS[Number(d)]).join('');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The numbering definitions of a document, and the paragraph styles that carry numbering. */
export class NumberingDefinitions {
  private readonly nums = new Map<string, Num>();
  private readonly styleNumbering = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numbering: Document | undefined, styles: Document | undefined) {
    const abstracts = new Map<string, { levels: Map<number, Level>; link?: string }>();
    const root = numbering?.documentElement;
    for (const a of children(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of children(a, 'lvl')) levels.set(int(l.getAttributeNS(W_NS, 'ilvl') ?? undefined, 0), readLevel(l));
      abstracts.set(a.getAttributeNS(W_NS, 'abstractNumId') ?? '', { levels, link: val(child(a, 'numStyleLink')) });
    }
    for (const s of children(styles?.documentElement, 'style')) {
      const id = s.getAttributeNS(W_NS, 'styleId') ?? '';
      const numPr = child(child(s, 'pPr'), 'numPr');
      this.styleNumbering.set(id, {
        numId: val(child(numPr, 'numId')),
        ilvl: numPr && child(numPr, 'ilvl') ? int(val(child(numPr, 'ilvl')), 0) : undefined,
        basedOn: val(child(s, 'basedOn')),
      });
    }
    const rawNums = new Map<string, Element>();
    for (const n of children(root, 'num')) rawNums.set(n.getAttributeNS(W_NS, 'numId') ?? '', n);
    for (const [numId, n] of rawNums) {
      let abstractId = val(child(n, 'abstractNumId')) ?? '';
      // A numStyleLink points, through a numbering style, at the num that holds the real levels.
      for (let hops = 0; abstracts.get(abstractId)?.link && hops < 4; hops++) {
        const linked = this.styleChain(abstracts.get(abstractId)!.link!).numId;
        const target = linked ? rawNums.get(linked) : undefined;
        if (!target) break;
        abstractId = val(child(target, 'abstractNumId')) ?? '';
      }
      const levels = new Map(abstracts.get(abstractId)?.levels ?? []);
      const starts = new Map<number, number>();
      for (const o of children(n, 'lvlOverride')) {
        const ilvl = int(o.getAttributeNS(W_NS, 'ilvl') ?? undefined, 0);
        const start = child(o, 'startOverride');
        if (start) starts.set(ilvl, int(val(start), 0));
        const lvl = child(o, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(numId, { abstractId, starts, levels });
    }
  }

  /** numId and level a paragraph style gives, following basedOn (at most a few steps). */
  private styleChain(styleId: string | undefined): { numId?: string; ilvl?: number } {
    const out: { numId?: string; ilvl?: number } = {};
    for (let i = 0, id = styleId; id && i < 16; i++) {
      const s = this.styleNumbering.get(id);
      if (!s) break;
      out.numId ??= s.numId;
      out.ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return out;
  }

  /**
   * The label Word shows before this paragraph (then a tab, unless the level's suffix is nothing),
   * or undefined when it has none or is a bullet. Call
   * once per paragraph, in document order: counters advance.
   */
  labelOf(paragraph: Element): string | undefined {
    const pPr = child(paragraph, 'pPr');
    const styleId = val(child(pPr, 'pStyle'));
    const numPr = child(pPr, 'numPr');
    const style = this.styleChain(styleId);
    const numId = val(child(numPr, 'numId')) ?? style.numId;
    if (!numId || numId === '0') return undefined;
    const num = this.nums.get(numId);
    if (!num) return undefined;
    let ilvl = numPr && child(numPr, 'ilvl') ? int(val(child(numPr, 'ilvl')), 0) : style.ilvl;
    if (ilvl === undefined)
      for (const [i, l] of num.levels) if (styleId && l.style === styleId && ilvl === undefined) ilvl = i;
    ilvl = Math.min(Math.max(ilvl ?? 0, 0), 8);
    const level = num.levels.get(ilvl);
    if (!level || level.format === 'bullet') return undefined;
    // Instances of one list share counters unless the instance restarts (a startOverride).
    const key = num.starts.size ? `num:${numId}` : `abstract:${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) this.counters.set(key, (counters = []));
    const startOf = (i: number) => num.starts.get(i) ?? num.levels.get(i)?.start ?? 0;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const i = Number(d) - 1;
      const value = counters![i] ?? startOf(i);
      const fmt = level.legal ? 'decimal' : (num.levels.get(i)?.format ?? 'decimal');
      return formatNumber(value, fmt);
    });
    // What Word puts between the label and the text (a tab or a space) is kept as one tab.
    return label ? label + (level.suffix === 'nothing' ? '' : '\t') : undefined;
  }
}

/**
 * Writes every paragraph's automatic number into its text, as a first run styled ItakuNumber.
 * Deleted paragraphs (tracked changes) are not counted, as Word does not number them either.
 */
export function writeNumbersIntoText(document: Document, numbering: NumberingDefinitions): number {
  const paragraphs = document.getElementsByTagNameNS(W_NS, 'p');
  let written = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const pPr = child(p, 'pPr');
    if (child(child(pPr, 'rPr'), 'del')) continue;
    const label = numbering.labelOf(p);
    if (!label) continue;
    const run = document.createElementNS(W_NS, 'w:r');
    const rPr = document.createElementNS(W_NS, 'w:rPr');
    const rStyle = document.createElementNS(W_NS, 'w:rStyle');
    rStyle.setAttributeNS(W_NS, 'w:val', NUMBER_STYLE);
    rPr.appendChild(rStyle);
    const t = document.createElementNS(W_NS, 'w:t');
    t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    t.appendChild(document.createTextNode(label));
    run.appendChild(rPr);
    run.appendChild(t);
    p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
    written++;
  }
  return written;
}
