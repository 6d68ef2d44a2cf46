// The hostile inputs of issue 12, made by generators (never committed as megabytes). Each takes
// a target size in UTF-16 units and returns a draft of about that size. Tests use small sizes
// (the budget path triggers on them), the benchmark 1, 5 and 10 MB.

const FRONT = '---\ndocument: 調達仕様書\ncategory: 開発\norganization: 外務省\n---\n\n';

const fill = (size: number, unit: string, head = FRONT, tail = '\n') =>
  head + unit.repeat(Math.max(1, Math.ceil((size - head.length - tail.length) / unit.length))) + tail;

export interface HostileInput {
  name: string;
  /** What it stands for, as in the issue. */
  about: string;
  make(size: number): string;
  /** Expected to be analysed partly as plain text (one `analysis-limited` finding or more). */
  limited: boolean;
}

export const HOSTILE: HostileInput[] = [
  {
    name: 'large-draft',
    about: 'short sections repeated (the 5.3 MB draft)',
    limited: false,
    make: (n) => fill(n, '# 仕様書\n\n## 情報セキュリティ\n\n(1) 受注者は秘密を保持すること。\n\n'),
  },
  { name: 'lazy-lines', about: 'lazy-continuation lines `a` / `=`', limited: true, make: (n) => fill(n, '> a\n=\n') },
  { name: 'emphasis-line', about: '`*a*a*a…` on one line', limited: true, make: (n) => fill(n, '*a') },
  { name: 'hard-breaks', about: 'lines ending in two spaces', limited: true, make: (n) => fill(n, 'a  \n') },
  { name: 'unclosed-links', about: 'unclosed links `[a](b`', limited: true, make: (n) => fill(n, '[a](b ') },
  {
    name: 'placeholders',
    about: 'repeated placeholders in one paragraph',
    limited: true,
    make: (n) => fill(n, '〔 省 〕は[乙]に'),
  },
  {
    name: 'nested-list',
    about: 'a list nested 64 deep',
    limited: false,
    make: (n) => fill(n, Array.from({ length: 64 }, (_, i) => `${'  '.repeat(i)}- a\n`).join('') + '\n'),
  },
  {
    name: 'cr-only',
    about: 'CR-only line endings',
    limited: false,
    make: (n) =>
      fill(
        n,
        '# 仕様書\r\r## 情報セキュリティ\r\r(1) 受注者は秘密を保持すること。\r\r',
        FRONT.replace(/\n/g, '\r'),
        '\r',
      ),
  },
  {
    name: 'link-definitions',
    about: '100,000 link reference definitions',
    limited: true,
    make: (n) => {
      let i = 0;
      return FRONT + Array.from({ length: Math.ceil(n / 12) }, () => `[l${i++}]: /u\n`).join('');
    },
  },
  {
    name: 'directive-lines',
    about: 'an itaku directive on every line',
    limited: false,
    make: (n) => fill(n, '<!-- itaku: clause confidentiality -->\n\n本文。\n\n'),
  },
  {
    name: 'bad-directives',
    about: 'malformed or unknown directives',
    limited: false,
    make: (n) => fill(n, '<!-- itaku-disable no-such-code -->\n\n<!-- itaku: clause no-such-clause -->\n\n'),
  },
  {
    name: 'spaced-directive',
    about: 'a comment with 200,000 spaces',
    limited: true,
    make: (n) => `${FRONT}<!-- itaku${' '.repeat(Math.max(1, n - FRONT.length - 20))}x -->\n`,
  },
  { name: 'masks', about: '`監査ログ` repeated in one sentence', limited: true, make: (n) => fill(n, '監査ログ') },
  {
    name: 'long-front-matter',
    about: 'a front matter of many keys',
    limited: false,
    make: (n) => {
      let i = 0;
      const keys = Array.from({ length: Math.ceil(n / 16) }, () => `key${i++}: value\n`).join('');
      return `${FRONT.slice(0, -6)}${keys}---\n\n# 仕様書\n\n受注者は秘密を保持すること。\n`;
    },
  },
];

/** A draft whose `organization` holds `spaces` spaces (the filled wording then ends in them). */
export const spacedOrganization = (spaces: number) =>
  `---\ndocument: 調達仕様書\ncategory: 開発\norganization: "外務${' '.repeat(spaces)}省"\n---\n\n# 仕様書\n`;
