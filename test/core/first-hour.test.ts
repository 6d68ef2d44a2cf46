// Issue 11 (a new user's first hour): drafts that must never pass silently, fixes that keep the
// draft's numbering, YAML messages a person can act on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import '../support/propertySeed';
import { analyze } from '../../server/src/core/analyze';
import { fixAllInsertions, quickFixes } from '../../server/src/core';
import { numberedTitles } from '../../server/src/core/numberedTitles';
import { catalog, ROOT } from '../support/catalog';
import { applyEdits, check, lines, summary } from '../support/drafts';
import { STORAGE_CONTRACT_WITH_PARTIES_HEAD } from '../support/fixtures';

test('an unclosed front matter holding document: is a draft with one error on the opening fence', () => {
  for (const key of ['document: 調達仕様書', '文書種別: 契約書']) {
    const a = check(lines('---', key, 'category: 構築', '', '# 件名', '', '## 1. 概要', '本文。'));
    assert.deepEqual(summary(a), ['0:0-0:3 error frontmatter-yaml']);
    assert.equal(
      a.result.diagnostics[0].message,
      'front matter が閉じられていません: 最初の `---` に対応する終わりの `---` の行がないため、草案を判定できません。YAML の最後の行の次に `---` だけの行を入れてください。',
    );
    assert.deepEqual(a.result.clauses, []);
  }
  const en = check(lines('\ufeff---', 'document: procurement-spec', 'category: build'), 'en');
  assert.deepEqual(summary(en), ['0:1-0:4 error frontmatter-yaml']);
  assert.match(en.result.diagnostics[0].message, /^The front matter is not closed: there is no closing `---` line/);
  // CRLF drafts too.
  assert.deepEqual(summary(check('---\r\ndocument: 調達仕様書\r\ncategory: 構築\r\n\r\n本文\r\n')), [
    '0:0-0:3 error frontmatter-yaml',
  ]);
});

test('a file opening with a thematic break, or naming document only after its first heading, is not a draft', () => {
  assert.equal(analyze(lines('---', '', '# メモ', '', 'document: 調達仕様書'), { catalog: catalog() }), undefined);
  assert.equal(analyze(lines('---', 'title: メモ', '', '本文'), { catalog: catalog() }), undefined);
  assert.equal(analyze(lines('***', 'document: 調達仕様書'), { catalog: catalog() }), undefined);
});

// ---- Numbering: fixes never create a duplicate number ----

const SPEC_CLAUSES = [
  ['情報セキュリティを確保するための体制の整備', '受注者は、情報セキュリティを確保するための体制を整備すること。'],
  ['秘密保持', '受注者は、知り得た情報の秘密を保持すること。'],
  ['セキュリティ機能の装備', '本システムに以下のセキュリティ機能を実装すること。'],
  ['脆弱性対策', '脆弱性対策を実施すること。'],
  ['情報セキュリティが侵害された場合の対処', '情報セキュリティが侵害された場合は速やかに報告すること。'],
  ['履行状況の確認', '情報セキュリティ対策の履行状況を報告すること。'],
  ['履行が不十分な場合の対処', '履行が不十分な場合は協議を行い対応すること。'],
  ['再委託', '再委託は認めない。'],
] as const;

type Style = (n: number, title: string) => string;
const STYLES: Record<string, Style> = {
  paren: (n, t) => `### (${n}) ${t}`,
  wideParen: (n, t) => `### （${String.fromCharCode(0xff10 + n)}）${t}`,
  dotted: (n, t) => `### 7.${n} ${t}`,
  plain: (n, t) => `### ${n}. ${t}`,
  articleHeading: (n, t) => `## 第${n}条（${t}）`,
  articleParagraph: (n, t) => `第${n}条（${t}）`,
};

function numberedDraft(style: string, present: boolean[], gaps: boolean[], contract: boolean): string {
  const fm = contract
    ? ['---', 'document: 契約書', 'category: build', 'parties: { 甲: 外務省, 乙: 株式会社いろは }', '---']
    : ['---', 'document: 調達仕様書', 'category: build', 'organization: 外務省', '---'];
  const out = [...fm, '', '# 件名', '', contract ? '## 第0条 前文' : '## 7 情報セキュリティ', ''];
  let n = 0;
  SPEC_CLAUSES.forEach(([title, body], i) => {
    if (!present[i]) return;
    n += gaps[i] ? 2 : 1;
    out.push(STYLES[style](n, title), contract ? body.replace('受注者', '乙') : body, '');
  });
  out.push('## 8 その他', '', '以上。', '');
  return out.join('\n');
}

/** Number keys repeated within one group of siblings. */
function duplicates(text: string): string[] {
  const a = analyze(text, { catalog: catalog() })!;
  const seen = new Map<string, number>();
  for (const t of numberedTitles(text, a.context.blocks))
    seen.set(`${t.group}#${t.key}`, (seen.get(`${t.group}#${t.key}`) ?? 0) + 1);
  return [...seen].filter(([, c]) => c > 1).map(([k]) => k);
}

test('the passport spec: the preferred fix inserts a branch number (2の2), never a second (3)', () => {
  const text = readFileSync(path.join(ROOT, 'examples/spec-build-passport-system.md'), 'utf8');
  const a = check(text);
  const d = a.result.diagnostics.find((x) => x.code === 'missing-clause' && x.clause === 'security-functions')!;
  const fix = quickFixes(a, d).find((x) => x.isPreferred)!;
  const after = applyEdits(text, fix.edits);
  assert.deepEqual(
    after.split('\n').filter((l) => l.startsWith('### ')),
    [
      '### (1) 情報セキュリティ管理体制',
      '### (2) 秘密の保持',
      '### (2の2) セキュリティ機能の装備',
      '### (3) 脆弱性対策',
      '### (4) 情報セキュリティインシデントへの対応',
      '### (5) 履行状況の報告',
      '### (6) 対策の履行が不十分な場合の対処',
    ],
  );
});

test('property: no sequence of missing-clause fixes (any variant, in any order, or fix-all) produces a duplicate number', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(STYLES)),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      (style, present, gaps, contract, choices, fixAll) => {
        let text = numberedDraft(style, present, gaps, contract);
        assert.deepEqual(duplicates(text), []);
        for (const [which, variant] of choices) {
          const a = check(text);
          const missing = a.result.diagnostics.filter((d) => d.code === 'missing-clause');
          if (!missing.length) break;
          const actions = quickFixes(a, missing[which % missing.length]);
          if (!actions.length) break;
          text = applyEdits(text, actions[variant % actions.length].edits);
          assert.deepEqual(duplicates(text), [], text);
        }
        if (fixAll) {
          const all = fixAllInsertions(text, { catalog: catalog() });
          text = applyEdits(
            text,
            all.map((i) => ({ start: i.offset, end: i.offset, newText: i.text })),
          );
          assert.deepEqual(duplicates(text), [], text);
        }
      },
    ),
    { numRuns: 40 },
  );
});

test('numbering: a repeated number among siblings is a warning, a skipped one information; branch numbers are neither', () => {
  const text = lines(
    '---',
    'document: 調達仕様書',
    'category: build',
    '---',
    '',
    '## 7 情報セキュリティ',
    '',
    '### (1) 体制',
    '',
    '### (2) 秘密',
    '',
    '### (2の2) 追加',
    '',
    '### (2) 重複',
    '',
    '### (5) 飛んだ',
    '',
    '## 8 その他',
    '',
    '### (1) 別の節の (1) は別の並び',
    '',
  );
  const a = check(text);
  const numbering = a.result.diagnostics.filter((d) => d.code === 'numbering');
  assert.deepEqual(
    numbering.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]),
    [
      [
        13,
        4,
        7,
        'warning',
        '番号「(2)」が前の見出しと重複しています。枝番号（例: 第3条の2、(3の2)）にするか、「見出し番号を振り直す」で振り直してください。',
      ],
      [
        15,
        4,
        7,
        'information',
        '番号が「(2)」から「(5)」に飛んでいます（欠番）。意図したものでなければ「見出し番号を振り直す」で振り直してください。',
      ],
    ],
  );
  assert.deepEqual(numbering[0].relatedInformation, [
    { range: { start: { line: 9, character: 4 }, end: { line: 9, character: 7 } }, message: '最初の同じ番号' },
  ]);
  const en = check(text, 'en').result.diagnostics.filter((d) => d.code === 'numbering');
  assert.equal(en[1].message, 'The numbering skips from "(2)" to "(5)". Unless intended, use "Renumber the headings".');
  // 「見出し番号を振り直す」: that sequence only, 1, 2, 3, …
  const [renumber] = quickFixes(a, numbering[0]);
  assert.equal(renumber.title, '見出し番号を振り直す');
  assert.deepEqual(
    applyEdits(text, renumber.edits)
      .split('\n')
      .filter((l) => l.startsWith('#')),
    [
      '## 7 情報セキュリティ',
      '### (1) 体制',
      '### (2) 秘密',
      '### (3) 追加',
      '### (4) 重複',
      '### (5) 飛んだ',
      '## 8 その他',
      '### (1) 別の節の (1) は別の並び',
    ],
  );
});

test("「見出し番号を振り直す」 on articles updates 第n条 references, leaves 前条 and other laws' articles alone", () => {
  const text = lines(
    '---',
    'document: 契約書',
    'category: build',
    '---',
    '',
    '# 契約書',
    '',
    '第1条（目的）',
    '乙は本契約に従う。',
    '',
    '第2条（秘密の保持）',
    '乙は秘密を保持する。',
    '',
    '第2条の2（追加）',
    '前条の規定は第3条の場合にも適用する。',
    '',
    '第3条（再委託）',
    '乙は第2条の2及び第2条に従い、地方自治法第2条に留意する。',
    '',
    '第5条（協議）',
    '第3条に定めのない事項は協議する。',
    '',
  );
  const a = check(text);
  const gap = a.result.diagnostics.find((d) => d.code === 'numbering')!;
  assert.equal(
    gap.message,
    '番号が「第3条」から「第5条」に飛んでいます（欠番）。意図したものでなければ「見出し番号を振り直す」で振り直してください。',
  );
  const after = applyEdits(text, quickFixes(a, gap)[0].edits);
  assert.equal(
    after.split('\n').slice(7).join('\n'),
    [
      '第1条（目的）',
      '乙は本契約に従う。',
      '',
      '第2条（秘密の保持）',
      '乙は秘密を保持する。',
      '',
      '第3条（追加）',
      '前条の規定は第4条の場合にも適用する。',
      '',
      '第4条（再委託）',
      '乙は第3条及び第2条に従い、地方自治法第2条に留意する。',
      '',
      '第5条（協議）',
      '第4条に定めのない事項は協議する。',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    check(after).result.diagnostics.filter((d) => d.code === 'numbering'),
    [],
  );
});

test('YAML errors: the usual slips in Japanese, on the line where they are', () => {
  const cases: Array<[string[], string]> = [
    [
      ['category：構築'],
      '2:8-2:9 全角のコロン「：」ではキーと値を区切れません。半角の「: 」（コロンと空白）にしてください。',
    ],
    [
      ['options:', '\taudit: true'],
      '3:0-3:1 インデントにタブが使われています。YAML のインデントは半角スペースで書いてください。',
    ],
    [
      ['category: 構築', 'options:', '  audit: true', '   cloud-terms: false'],
      '5:0-5:3 インデントがずれています。同じ階層のキーは同じ桁から書き始め、入れ子にするのは値のないキー（例: options:）の下だけにしてください。',
    ],
    [
      ['category: [構築, 運用', 'organization: 外務省'],
      '2:10-2:11 括弧「[」が閉じられていません。「]」で閉じてください。',
    ],
    [['category: 構築', 'parties: { 甲: 外務省'], '3:9-3:10 括弧「{」が閉じられていません。「}」で閉じてください。'],
    [
      ['organization: "外務省', 'category: 構築'],
      '2:14-2:15 引用符「"」が閉じられていません。値の終わりに「"」を書いてください。',
    ],
    [
      ['category:構築'],
      '2:8-2:9 「:」の後に空白がありません。「category: build」のように、コロンの後に半角スペースを入れてください。',
    ],
  ];
  for (const [yaml, expected] of cases) {
    const a = check(lines('---', 'document: 調達仕様書', ...yaml, '---', '', '# 件名', ''));
    const got = a.result.diagnostics.map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message.replace(/^front matter の YAML を読めません: /, '')}`,
    );
    assert.deepEqual(got, [expected], yaml.join('\\n'));
  }
  const en = check(lines('---', 'document: 調達仕様書', 'category：構築', '---'), 'en');
  assert.equal(
    en.result.diagnostics[0].message,
    'Cannot read the front matter YAML: A full-width colon "：" does not separate a key from its value. Use a half-width ": " (colon and space).',
  );
  // A multi-line flow sequence that is closed is fine; other errors keep the library's detail.
  assert.deepEqual(
    check(
      lines('---', 'document: 調達仕様書', 'category: [build,', '  operation-onsite]', '---'),
    ).result.diagnostics.filter((d) => d.code === 'frontmatter-yaml'),
    [],
  );
});

test('「front matter の値ですべて置き換える」: every fillable placeholder at once, each replaced by exactly its value', () => {
  const text = lines(
    ...STORAGE_CONTRACT_WITH_PARTIES_HEAD,
    '[乙]は、[甲]の指示に従い、本業務に関して知り得た秘密を漏らしてはならない。',
    '',
    '[乙]は、[甲]に報告する。報告は 年 月 日までとする。',
    '',
  );
  const a = check(text);
  const placeholders = a.result.diagnostics.filter((d) => d.code === 'unresolved-placeholder');
  const actions = quickFixes(a, placeholders[0]);
  assert.deepEqual(
    actions.map((x) => x.title),
    ['「株式会社いろは」で置き換える', 'front matter の値ですべて置き換える（4 件）'],
  );
  assert.equal(
    applyEdits(text, actions[1].edits).split('\n').slice(8).join('\n'),
    [
      '株式会社いろはは、国立公文書館の指示に従い、本業務に関して知り得た秘密を漏らしてはならない。',
      '',
      '株式会社いろはは、国立公文書館に報告する。報告は 年 月 日までとする。',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    quickFixes(check(text, 'en'), placeholders[0]).map((x) => x.title)[1],
    'Replace all with the front-matter values (4)',
  );
});
