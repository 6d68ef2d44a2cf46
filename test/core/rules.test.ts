import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/core/findings';
import { codeTitle } from '../../server/src/core';
import { catalog, ROOT } from '../support/catalog';
import { check, lines, statuses, summary } from '../support/drafts';

const FULL_BUILD_SPEC_BODY = [
  '## 7. 情報セキュリティ',
  '',
  '### (1) 情報セキュリティを確保するための体制の整備',
  '受注者は、情報セキュリティを確保するための体制を整備すること。',
  '### (2) 秘密保持',
  '受注者は、知り得た情報の秘密を保持すること。',
  '### (3) セキュリティ機能の装備',
  '本システムに以下のセキュリティ機能を実装すること。',
  '### (4) 脆弱性対策',
  '脆弱性対策を実施すること。',
  '### (5) 情報セキュリティが侵害された場合の対処',
  '情報セキュリティが侵害された場合は速やかに報告すること。',
  '### (6) 履行状況の確認',
  '情報セキュリティ対策の履行状況を報告すること。',
  '### (7) 履行が不十分な場合の対処',
  '履行が不十分な場合は協議を行い対応すること。',
  '### (8) 再委託',
  '再委託は認めない。',
];

test('a Markdown file without document in its front matter gets no result at all', () => {
  assert.equal(
    analyze(lines('---', 'title: メモ', '---', '〔 省 〕【再委託を禁止する場合】'), { catalog: catalog() }),
    undefined,
  );
  assert.equal(analyze('# README\n\n[乙] 年 月 日', { catalog: catalog() }), undefined);
});

test('missing-clause: on the category value, naming the clause, its basis and what to do (ja and en)', () => {
  const text = lines('---', 'document: 調達仕様書', 'category: 構築', '---', '', ...FULL_BUILD_SPEC_BODY.slice(0, -2));
  const ja = check(text);
  assert.deepEqual(summary(ja), ['2:10-2:12 warning missing-clause subcontracting']);
  assert.equal(
    ja.result.diagnostics[0].message,
    '必須条項「再委託に関する事項」（表1(10)）が見つかりません。業務分類「情報システムの構築等」で必須です（根拠: 表1(10); 第Ⅰ部7.5(2)）。クイックフィックスで雛形の文言を挿入できます。別の言い方で既に書いてあれば、その段落で「この段落を『…』として扱う」を選んでください。',
  );
  const en = check(text, 'en');
  assert.equal(
    en.result.diagnostics[0].message,
    'Required clause "Re-delegation (subcontracting)" (表1(10)) was not found. It is required for the category "building an information system / developing software" (basis: 表1(10); 第Ⅰ部7.5(2)). Use the quick fix to insert the template wording. If a paragraph already says it in other words, choose "Treat this paragraph as …" on that paragraph.',
  );
  assert.equal(ja.result.diagnostics[0].source, 'itaku');
  assert.deepEqual(ja.result.diagnostics[0].data, { clause: 'subcontracting' });
});

test('missing-clause required by an option sits on that option', () => {
  const a = check(
    lines(
      '---',
      'document: procurement-spec',
      'category: build',
      'options:',
      '  audit: true',
      '---',
      '',
      ...FULL_BUILD_SPEC_BODY,
    ),
  );
  assert.deepEqual(summary(a), ['4:9-4:13 warning missing-clause audit']);
  assert.match(
    a.result.diagnostics[0].message,
    /options\.audit: true の指定で必須です（根拠: 第Ⅰ部6.3.3\(3\); options\.audit）/,
  );
});

test('target: software makes vulnerability optional for build', () => {
  const body = FULL_BUILD_SPEC_BODY.filter((l) => !l.includes('脆弱性'));
  // Taking out (4) leaves a gap (3) → (5): the numbering finding says so.
  assert.deepEqual(summary(check(lines('---', 'document: procurement-spec', 'category: build', '---', ...body))), [
    '2:10-2:15 warning missing-clause vulnerability',
    '12:4-12:7 information numbering',
  ]);
  assert.deepEqual(
    summary(
      check(
        lines('---', 'document: procurement-spec', 'category: build', 'options: { target: software }', '---', ...body),
      ),
    ),
    ['13:4-13:7 information numbering'],
  );
});

test('the strongest requirement wins across categories; waivers and explicit marks are honoured', () => {
  const a = check(
    lines(
      '---',
      'document: contract',
      'category: [storage-transport, processing]',
      '---',
      '',
      '<!-- itaku-disable missing-clause security-structure 理由：体制は別紙の確認書で定める -->',
      '<!-- itaku: clause incident-response -->',
      '乙は、甲の指示に従うこと。',
      '乙は、知り得た秘密を漏らしてはならない。',
    ),
  );
  const s = statuses(a);
  assert.equal(s['security-structure'], 'waived');
  assert.equal(s['incident-response'], 'present');
  assert.equal(s.confidentiality, 'present');
  const waived = a.result.clauses.find((c) => c.id === 'security-structure')!;
  assert.equal(waived.reason, '理由：体制は別紙の確認書で定める');
  assert.equal(a.result.clauses.find((c) => c.id === 'incident-response')!.foundBy, 'marker');
  assert.deepEqual(summary(a), [
    // subcontracting is required by storage-transport (listed first); the others only by processing.
    '2:11-2:28 warning missing-clause subcontracting',
    '2:30-2:40 warning missing-clause compliance-check',
    '2:30-2:40 warning missing-clause remediation',
  ]);
});

test('unresolved-placeholder: each template blank, filled from the front matter when known', () => {
  const a = check(
    lines(
      '---',
      'document: contract',
      'category: build',
      'organization: 外務省',
      'parties: { 甲: 外務省, 乙: 株式会社いろは }',
      '---',
      '',
      '[乙]は、〔 省 〕の情報を [ 省 ] と同様に扱い、第 条により令和 年 月 日までに報告する。生年月日は対象外。',
      '平均成熟度が「n」以上であること。〔　　〕機能。（略）',
    ),
  );
  const ph = a.result.diagnostics.filter((d) => d.code === 'unresolved-placeholder');
  assert.deepEqual(summary({ ...a, result: { ...a.result, diagnostics: ph } }), [
    '7:0-7:3 warning unresolved-placeholder "[乙]"',
    '7:5-7:10 warning unresolved-placeholder "〔 省 〕"',
    '7:15-7:20 warning unresolved-placeholder "[ 省 ]"',
    '7:28-7:31 warning unresolved-placeholder "第 条"',
    '7:37-7:42 warning unresolved-placeholder "年 月 日"',
    '8:6-8:9 warning unresolved-placeholder "「n」"',
    '8:17-8:21 warning unresolved-placeholder "〔　　〕"',
    '8:24-8:27 warning unresolved-placeholder "（略）"',
  ]);
  assert.equal(
    ph[0].message,
    '未記入のプレースホルダ「[乙]」（乙（受注者））が残っています。クイックフィックスで「株式会社いろは」に置き換えられます。',
  );
  assert.deepEqual(ph[0].data, { placeholder: '乙', fill: '株式会社いろは' });
  assert.equal(ph[3].message, '未記入のプレースホルダ「第 条」（条番号）が残っています。実際の値を記入してください。');
});

test('unresolved-variant: a 【…の場合】 marker left in (bold or heading), not other 【】 titles', () => {
  const a = check(
    lines(
      '---',
      'document: procurement-spec',
      'category: cloud',
      '---',
      '',
      '**【再委託を禁止する場合】**',
      '',
      '#### 【ISMS 認証取得を考慮する場合】',
      '',
      '【重要】本件は秘密を保持する。',
    ),
  );
  const v = a.result.diagnostics.filter((d) => d.code === 'unresolved-variant');
  assert.deepEqual(
    v.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
    [
      [5, 2, 14],
      [7, 5, 23],
    ],
  );
  assert.equal(
    v[0].message,
    '選択肢の見出し「【再委託を禁止する場合】」が残っています。採用する文言を残し、この見出しと採用しない文言を削除してください。',
  );
});

test('conflicting-variants: both alternatives, or text against options.subcontracting', () => {
  const both = check(
    lines(
      '---',
      'document: procurement-spec',
      'category: build',
      '---',
      '',
      '本業務は、再委託してはならない。',
      '',
      '本業務の一部を再委託する場合には、同水準の対策を行わせること。',
    ),
  );
  const c = both.result.diagnostics.filter((d) => d.code === 'conflicting-variants');
  assert.equal(c.length, 1);
  assert.deepEqual(c[0].range, { start: { line: 7, character: 7 }, end: { line: 7, character: 14 } });
  assert.equal(c[0].relatedInformation![0].range.start.line, 5);
  // 原則禁止、承認を得た場合は可: not a contradiction.
  const exception = check(
    lines(
      '---',
      'document: procurement-spec',
      'category: build',
      '---',
      '',
      '再委託は禁止する。ただし、あらかじめ承認を得た場合はこの限りでない。',
      '',
      '再委託する場合には、同水準の対策を行わせること。',
    ),
  );
  assert.equal(exception.result.diagnostics.filter((d) => d.code === 'conflicting-variants').length, 0);
  const option = check(
    lines(
      '---',
      'document: procurement-spec',
      'category: build',
      'options: { subcontracting: prohibited }',
      '---',
      '',
      '業務の一部を再委託する場合には、同水準の対策を行わせること。',
    ),
  );
  const o = option.result.diagnostics.filter((d) => d.code === 'conflicting-variants');
  assert.equal(o.length, 1);
  assert.equal(
    o[0].message,
    '「再委託に関する事項」の文言「再委託する場合」は front matter の options.subcontracting: prohibited（再委託を禁止する）と矛盾します。',
  );
});

test('front matter: broken YAML at its position', () => {
  const a = check(lines('---', 'document: 調達仕様書', 'category: [build', 'x: 1', '---', '本文'));
  // On the bracket left open (the yaml library puts it on the next line).
  assert.deepEqual(summary(a), ['2:10-2:11 error frontmatter-yaml']);
  assert.equal(
    a.result.diagnostics[0].message,
    'front matter の YAML を読めません: 括弧「[」が閉じられていません。「]」で閉じてください。',
  );
});

const frontMatterOnly = (a: ReturnType<typeof check>) => summary(a).filter((l) => !l.includes('missing-clause'));

test('front matter: wrong types, unknown values, unknown keys, duplicates, a list instead of a mapping', () => {
  assert.deepEqual(
    frontMatterOnly(check(lines('---', 'document: 契約書', 'category: build', 'options:', '  audit: はい', '---'))),
    ['4:9-4:11 error frontmatter-invalid'],
  );
  assert.equal(
    check(
      lines('---', 'document: 契約書', 'category: build', 'options:', '  audit: はい', '---'),
    ).result.diagnostics.find((d) => d.code === 'frontmatter-invalid')!.message,
    'options.audit: 型が違います（真偽値（true/false）が必要です）。',
  );
  const unknown = check(
    lines('---', 'document: 仕様', 'category: [構築運用, クラウド]', 'categry: x', 'options: { audti: true }', '---'),
  );
  assert.deepEqual(frontMatterOnly(unknown), [
    '1:10-1:12 error unknown-document-type',
    '2:11-2:15 error unknown-category',
    '2:17-2:21 information cloud-risk-unaddressed cloud-terms',
    '3:0-3:7 information unknown-key',
    '4:11-4:16 warning unknown-key',
  ]);
  const [doc, category, key, option] = unknown.result.diagnostics.filter(
    (d) => d.code !== 'missing-clause' && d.code !== 'cloud-risk-unaddressed',
  );
  assert.equal(
    doc.message,
    '不明な文書種別「仕様」です。使える値: procurement-spec（調達仕様書）、contract（契約書）。',
  );
  assert.equal(category.message, '不明な業務分類「構築運用」です。もしかして: 構築、運用');
  assert.deepEqual(category.data, { value: '構築運用', suggestions: ['構築', '運用'] });
  assert.equal(key.message, 'itaku が使わないキー「categry」です。「category」の誤りではありませんか。');
  assert.equal(option.message, '不明なオプション「audti」です。「audit」の誤りではありませんか。');
  assert.deepEqual(
    frontMatterOnly(check(lines('---', 'document: 契約書', '文書種別: 調達仕様書', 'category: build', '---'))).slice(
      0,
      1,
    ),
    ['2:0-2:4 error frontmatter-invalid'],
  );
  assert.deepEqual(frontMatterOnly(check(lines('---', '- document: 契約書', '- category: build', '---'))), [
    '1:0-2:17 error frontmatter-invalid',
  ]);
  assert.deepEqual(frontMatterOnly(check(lines('---', 'document: 契約書', 'category:', '---'))), [
    '2:0-2:8 error missing-category',
  ]);
  const typed = check(lines('---', 'document: 契約書', 'category: { a: 1 }', '---'));
  assert.deepEqual(frontMatterOnly(typed), ['2:10-2:18 error frontmatter-invalid']);
  assert.equal(typed.result.diagnostics[0].message, 'category: 文字列またはリストにしてください。');
  assert.deepEqual(frontMatterOnly(check(lines('---', 'document: 契約書', '---'))), ['1:0-1:8 error missing-category']);
  const ambiguous = check(lines('---', 'document: 契約書', 'category: 運用', '---'));
  const hint = ambiguous.result.diagnostics.find((d) => d.code === 'ambiguous-category')!;
  assert.equal(hint.severity, 'information');
  assert.equal(
    hint.message,
    '「運用」はオンサイトサービス（operation-onsite）として扱います。サービス形態（オンサイトサービス、リモート運用サービス、データセンター、ASPサービス、ハウジングサービス）を明記してください。',
  );
});

test('important-information: an error unless an exception approval is recorded', () => {
  const base = ['---', 'document: 調達仕様書', 'category: build', 'options:', '  important-information: true'];
  const a = check(lines(...base, '---', ...FULL_BUILD_SPEC_BODY));
  assert.deepEqual(summary(a), ['4:25-4:29 error important-information']);
  assert.equal(
    a.result.diagnostics[0].message,
    '重要な情報を取り扱う情報処理業務の外部委託は、原則として禁止されています（根拠: 第Ⅰ部5.1(1)(5); 付録1）。情報セキュリティ責任者の許可を得た例外の場合は、options.exception-approval に許可の記録を書いてください。',
  );
  assert.deepEqual(
    summary(
      check(
        lines(
          ...base,
          '  exception-approval: 令和7年4月1日 情報セキュリティ責任者許可（第12号）',
          '---',
          ...FULL_BUILD_SPEC_BODY,
        ),
      ),
    ),
    [],
  );
});

test('cloud-risk-unaddressed: which 表5 items the draft leaves out', () => {
  const a = check(
    lines(
      '---',
      'document: 調達仕様書',
      'category: cloud',
      '---',
      '',
      '準拠法は日本法とし、管轄裁判所は東京地方裁判所とする。データは国内のデータセンターに保存すること。',
    ),
  );
  const d = a.result.diagnostics.find((x) => x.code === 'cloud-risk-unaddressed')!;
  assert.equal(d.severity, 'information');
  assert.deepEqual(d.data, { items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16] });
});

test('invalid-directive: unknown clause ids and malformed comments; itaku-disable drops a code', () => {
  const a = check(
    lines(
      '---',
      'document: 調達仕様書',
      'category: build',
      '---',
      '',
      '<!-- itaku: clause audti -->',
      '',
      '<!-- itaku-disable unresolved-placeholder -->',
      '',
      '〔 省 〕',
      ...FULL_BUILD_SPEC_BODY,
    ),
  );
  assert.deepEqual(summary(a), ['5:0-5:28 warning invalid-directive']);
  assert.equal(
    a.result.diagnostics[0].message,
    'itaku の指示にある条項 id「audti」は、この文書種別の条項にありません。「audit」の誤りではありませんか。',
  );
});

test('fenced code and HTML comments are not draft text', () => {
  const a = check(
    lines(
      '---',
      'document: 調達仕様書',
      'category: build',
      '---',
      '',
      '```',
      '再委託は禁止する。〔 省 〕',
      '```',
      '',
      '<!--',
      '再委託は禁止する。',
      '-->',
      ...FULL_BUILD_SPEC_BODY.slice(0, -2),
    ),
  );
  assert.deepEqual(summary(a), ['2:10-2:15 warning missing-clause subcontracting']);
});

test('traps: 監査ログ is not an audit, a project 体制 is not a security structure, 会計検査院 is not an audit', () => {
  const a = check(
    lines(
      '---',
      'document: 調達仕様書',
      'category: operation-onsite',
      'options: { audit: true }',
      '---',
      '',
      '受注者は、プロジェクト管理体制を整備し、体制図を提出すること。',
      '',
      '監査ログを取得し、1年間保存すること。',
      '',
      '会計検査院が実地検査を行う場合は協力すること。',
    ),
  );
  assert.equal(statuses(a)['security-structure'], 'missing');
  assert.equal(statuses(a).audit, 'missing');
});

test('every diagnostic code is documented in the README, configurable in itaku.severity and titled in both languages', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const severity = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration
    .properties['itaku.severity'].properties;
  const documented = [...readme.matchAll(/^\| <a id="([a-z-]+)"><\/a>\[`\1`\]\(docs\/rules\/\1\.md\) \|/gm)].map(
    (m) => m[1],
  );
  assert.deepEqual(documented.sort(), [...DIAGNOSTIC_CODES].sort());
  assert.deepEqual(Object.keys(severity).sort(), [...DIAGNOSTIC_CODES].sort());
  for (const code of DIAGNOSTIC_CODES) {
    assert.notEqual(codeTitle('ja', code), code);
    assert.notEqual(codeTitle('en', code), code);
  }
});
