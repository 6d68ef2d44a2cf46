import fc from 'fast-check';
// The seed: fixed under `npm test`, fresh under `npm run fuzz` (see propertySeed).
import './propertySeed';

// Generators of realistic and hostile draft pieces, shared by the property tests.

const JA_SENTENCES = [
  '受注者は、本業務に関して知り得た秘密を漏らしてはならない。',
  '情報セキュリティが侵害され又はそのおそれがある場合には、速やかに〔 省 〕に報告すること。',
  '本調達に係る業務は、その全部又は一部を他の事業者に再委託させてはならない。',
  '受注者は、情報セキュリティを確保するための体制を整備すること。',
  '監査ログを取得し、1年間保存すること。',
  '発注者は、必要に応じて情報セキュリティ監査を行う。',
  '[乙]は、年 月 日までに報告する。',
  '再委託する場合には、同水準の対策を行わせること。',
  '脆弱性対策を実施すること。',
  '業務の進捗を速やかに報告すること。',
  '（以下「従事者」という。）を定め、管理体制を整備する。',
  '𠮷田は👍と言った。ｶﾞｲﾄﾞ㍻',
];

export const sentence = fc.oneof(
  fc.constantFrom(...JA_SENTENCES),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', '　', '\t'),
);
const words = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(''));

/** One Markdown block (possibly several lines), LF line endings. */
export const block = fc.oneof(
  words,
  fc
    .tuple(
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom(
        '(7) 情報セキュリティが侵害された場合の対処',
        '秘密保持',
        '再委託',
        '第6条（事故等の報告）',
        '7. 情報セキュリティ',
      ),
      words,
    )
    .map(([d, t, w]) => `${'#'.repeat(d)} ${t}\n\n${w}`),
  fc
    .tuple(fc.constantFrom('第1条（秘密の保持）', '**秘密の保持**', '（１）再委託の禁止', '5 機密保持'), words)
    .map(([t, w]) => `${t}\n${w}`),
  fc
    .array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '    - '), words), { minLength: 1, maxLength: 4 })
    .map((items) => items.map(([m, w]) => m + w).join('\n')),
  fc.array(words, { minLength: 1, maxLength: 3 }).map((items) => items.map((w) => `- ${w}`).join('\n\n')),
  fc
    .tuple(fc.constantFrom('```', '~~~', '````'), words, fc.boolean())
    .map(([f, w, closed]) => `${f}\n${w}\n\n${w}${closed ? `\n${f}` : ''}`),
  fc.tuple(words, fc.boolean()).map(([w, closed]) => `<!--\n${w}\n\n${w}${closed ? '\n-->' : ''}`),
  fc.constantFrom(
    '<!-- itaku: clause audit -->',
    '<!-- itaku-disable missing-clause vulnerability 理由 -->',
    '<!-- itaku-disable unresolved-placeholder -->',
    '<div>\n\n</div>',
    '<pre>\n\n</pre>',
  ),
  words.map((w) => `> ${w}\n>\n> ${w}`),
  words.map((w) => `    ${w}`),
  fc.constantFrom(
    '---',
    '***',
    '| a | b |\n|---|---|\n| 再委託 | 禁止 |',
    '[乙]: https://example.invalid',
    '【再委託を禁止する場合】',
  ),
  // Constructs CommonMark (and micromark) treat specially at block starts and ends.
  fc.constantFrom(
    '-',
    '*',
    '1.',
    '- ',
    '+\n  x',
    'text\n===',
    'text\n---',
    '<span>x</span>',
    '<span>\n\nx',
    '  \t',
    '\t- tab item',
    '>- 引用の中の一覧\n> 続き',
    '# 見出し #',
    '<?xml\n\n?>',
    '<![CDATA[\n\n]]>',
    '<script>\n\n</script>',
    '<!DOCTYPE html>',
    '[ref]:\n/url',
    '  ```\n  code\n\n  ```',
    '1) a\n2) b',
    '- [ ] task',
  ),
);

export const frontMatter = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('調達仕様書', 'contract', '契約書'),
      fc.constantFrom(
        'build',
        '[build, operation-onsite]',
        'cloud',
        'storage-transport',
        '運用',
        '開発運用',
        '[processing]',
      ),
      fc.boolean(),
      fc.boolean(),
    )
    .map(
      ([d, c, org, opts]) =>
        `---\ndocument: ${d}\ncategory: ${c}\n${org ? 'organization: 外務省\nparties: { 甲: 外務省, 乙: 株式会社いろは }\n' : ''}${opts ? 'options:\n  audit: true\n  subcontracting: prohibited\n' : ''}---\n`,
    ),
  fc.constantFrom(
    '---\ndocument: 契約書\ncategory: [build\n---\n',
    '---\n- document: x\n---\n',
    '---\ntitle: memo\n---\n',
    '',
  ),
);

/** A whole draft: front matter and blocks separated by one or more blank lines, with a chosen line ending. */
export const draft = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n', '\n\n\n')), { maxLength: 14 }),
    fc.constantFrom('\n', '\r\n', 'mixed'),
    fc.boolean(),
  )
  .map(([fm, blocks, eol, bom]) => {
    let text = fm + blocks.map(([b, sep]) => b + sep).join('');
    if (eol === '\r\n') text = text.replace(/\n/g, '\r\n');
    if (eol === 'mixed') text = text.replace(/\n/g, (m, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : m));
    return (bom ? '\ufeff' : '') + text;
  });

/** An edit: replace `[at, at + remove)` with `insert` (positions scaled to the text). */
export const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 12 }),
  insert: fc.oneof(
    fc.constantFrom(
      '',
      '\n',
      '\n\n',
      'あ',
      '- ',
      '```',
      '~~~',
      '<!--',
      '-->',
      '#',
      '> ',
      '    ',
      '再委託',
      '---\n',
      '\r\n',
      '【',
      '】',
    ),
    fc.string({ maxLength: 6 }),
  ),
});

export function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Hostile front matter: broken, wrong types, huge, deeply nested, alias bombs, duplicates. */
export const hostileFrontMatter = fc.oneof(
  frontMatter,
  fc.constantFrom(
    '---\ndocument: 契約書\ncategory: 5\n---\n',
    '---\ndocument: [契約書]\ncategory: { a: 1 }\noptions: x\nparties: [1, 2]\n---\n',
    '---\ndocument: 契約書\ndocument: 調達仕様書\ncategory: build\ncategory: cloud\n---\n',
    '---\n"document": 契約書\ncategory: [1, null, true, [a]]\n---\n',
    '---\ndocument: 契約書\ncategory: build\noptions: { audit: yes, target: rocket, require: [nothing, 3], vendor-assessment: [isms] }\n---\n',
    '---\ndocument: 契約書\ncategory: build\nx: &a [a, a, a, a, a, a, a, a, a]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n',
    '---\ndocument: 契約書\ncategory: &a build\norganization: *a\nparties: { 甲: *a }\n---\n',
    '---\n文書種別: 契約書\n業務分類: [構築\n---\n',
    '---\n\tdocument: 契約書\n---\n',
    '---\ndocument: 契約書\ncategory: build\n...\n',
    '---\r\ndocument: 契約書\rcategory: build\r---\r',
    '---\ndocument: 契約書\ncategory: build\norganization: "\\u0000\\ud800"\n---\n',
    '---\n- a\n- b\n---\n',
    '---\njust a scalar document: no\n---\n',
    '---\n---\n',
    '---\n',
  ),
  fc
    .integer({ min: 1, max: 60 })
    .map(
      (depth) =>
        `---\ndocument: 契約書\ncategory: build\noptions: ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}\n---\n`,
    ),
  fc
    .integer({ min: 1, max: 400 })
    .map(
      (n) =>
        `---\ndocument: 調達仕様書\ncategory: build\n${Array.from({ length: n }, (_, i) => `key${i}: value${i}`).join('\n')}\n---\n`,
    ),
);

/** Hostile text: control characters, lone surrogates, emoji, very long lines, deep nesting. */
export const hostileBlock = fc.oneof(
  block,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000\u0001\u0007\u001b[31m',
    '\ud800孤立\udfff',
    '👨‍👩‍👧‍👦𠮷🇯🇵',
    '\u200b\u200d\ufeff\u2028\u2029',
    '\\',
    '&amp;&#x1F600;&#0;',
  ),
  fc
    .tuple(
      fc.constantFrom('あ', '*', '[', '(', '|', '【', '-', '`', '<', '第', '〔', ' '),
      fc.integer({ min: 500, max: 4000 }),
    )
    .map(([c, n]) => c.repeat(n)),
  fc.integer({ min: 1, max: 120 }).map((n) => '>'.repeat(n) + ' 深い引用'),
  fc
    .integer({ min: 1, max: 60 })
    .map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- 入れ子`).join('\n')),
  fc.integer({ min: 1, max: 200 }).map((n) => '[乙]'.repeat(n)),
  fc.constantFrom(
    '<!-- itaku: clause ' + 'x'.repeat(5000) + ' -->',
    '<!-- itaku-disable ' + 'missing-clause '.repeat(200) + '-->',
    '<!--\n' + '\n'.repeat(500),
  ),
);

export const hostileDraft = fc
  .tuple(
    hostileFrontMatter,
    fc.array(fc.tuple(hostileBlock, fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\r', '')), { maxLength: 10 }),
    fc.boolean(),
  )
  .map(([fm, blocks, bom]) => (bom ? '\ufeff' : '') + fm + blocks.map(([b, sep]) => b + sep).join(''));
