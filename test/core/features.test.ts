import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, hoverAt, outlineOf, type OutlineSymbol } from '../../server/src/core';
import { catalog } from '../support/catalog';
import { check, lines } from '../support/drafts';

// Hover, completion and the outline are core features returning plain objects: tested here in
// memory (the protocol tests in test/lsp check only their conversion and wiring).

const SPEC = lines(
  '---',
  'document: 調達仕様書',
  'category: [build, storage-transport]',
  'organization: 外務省',
  '---',
  '',
  '# 仕様書',
  '',
  '## 7 情報セキュリティ',
  '',
  '### (2) 秘密保持',
  '',
  '受注者は、知り得た情報の秘密を保持すること。',
  '',
  '### (7) 情報セキュリティが侵害された場合の対処',
  '',
  '速やかに報告すること。',
  '',
  '## 8 納品',
  '',
  '納品物は以下のとおり。',
  '',
);

const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

test('hover on a clause: title, requirement with basis, evidence and the filled model wording', () => {
  const h = hoverAt(check(SPEC), { line: 10, character: 5 }, 'ja');
  assert.deepEqual(h, {
    markdown: lines(
      '**取り扱う府省庁の情報の秘密保持等** (`confidentiality`) — 表1(2)',
      '',
      '要否: **必須**（業務分類「情報システムの構築等」、根拠: 表1(2); 第Ⅰ部6.3.1, 8.1）',
      '',
      '検出: 見出し',
      '',
      '根拠となる記述（11 行目）: 「(2) 秘密保持」',
      '',
      '雛形の文言: 第Ⅱ部1.1(2), 1.2(2), 1.3(2)',
      '',
      '> 本調達に係る業務の実施のために外務省から提供する情報その他当該業務の実施において知り得た情報については、その秘密を保持し、また当該業務の目的以外に利用しないこと。',
    ),
    range: range(10, 0, 10, 12),
  });
});

test('hover on a category value: the clauses it requires, present or missing (English)', () => {
  const h = hoverAt(check(SPEC, 'en'), { line: 2, character: 12 }, 'en');
  assert.deepEqual(h, {
    markdown: lines(
      'Clauses required for **building an information system / developing software** (`build`):',
      '',
      '- ✗ Establishing a structure to ensure information security — 表1(1); 第Ⅰ部6.3.1',
      "- ✓ Confidentiality of the ministry's information handled — 表1(2); 第Ⅰ部6.3.1, 8.1",
      '- ✗ Equipping security functions — 表1(3); 第Ⅰ部6.3.1',
      '- ✗ Vulnerability countermeasures — 表1(5); 第Ⅱ部1.1(4)【情報システムの構築の場合】',
      '- ✓ Handling a breach of information security — 表1(7); 第Ⅰ部6.3.2',
      '- ✗ Checking how security measures are carried out — 第Ⅰ部6.3.3(1); 第Ⅱ部1.1(6)',
      '- ✗ Handling insufficient implementation of security measures — 表1(9); 第Ⅰ部6.3.3(4)',
      '- ✗ Re-delegation (subcontracting) — 表1(10); 第Ⅰ部7.5(2)',
    ),
    range: range(2, 11, 2, 16),
  });
});

test('no hover on text that is neither a clause nor a category', () => {
  assert.equal(hoverAt(check(SPEC), { line: 20, character: 2 }, 'ja'), undefined);
  assert.equal(hoverAt(check(SPEC), { line: 1, character: 3 }, 'ja'), undefined);
});

test('outline: sections nest by heading depth; a heading that states a clause is a clause, with its id', () => {
  const leaf = (name: string, kind: OutlineSymbol['kind'], r: number[], sel: number[], detail?: string) => ({
    name,
    ...(detail ? { detail } : {}),
    kind,
    range: range(r[0], r[1], r[2], r[3]),
    selectionRange: range(sel[0], sel[1], sel[2], sel[3]),
    children: [] as OutlineSymbol[],
  });
  const outline = outlineOf(check(SPEC), 'ja');
  // JSON drops the absent `detail` of a section as the protocol does.
  assert.deepEqual(JSON.parse(JSON.stringify(outline)), [
    {
      ...leaf('仕様書', 'section', [6, 0, 20, 11], [6, 0, 6, 5]),
      children: [
        {
          ...leaf('7 情報セキュリティ', 'section', [8, 0, 16, 11], [8, 0, 8, 13]),
          children: [
            leaf('(2) 秘密保持', 'clause', [10, 0, 12, 22], [10, 0, 10, 12], 'confidentiality'),
            leaf(
              '(7) 情報セキュリティが侵害された場合の対処',
              'clause',
              [14, 0, 16, 11],
              [14, 0, 14, 27],
              'incident-response',
            ),
          ],
        },
        leaf('8 納品', 'section', [18, 0, 20, 11], [18, 0, 18, 7]),
      ],
    },
  ]);
});

const CONTRACT = lines(
  '---',
  'document: 契約書',
  'category: ',
  '',
  'options:',
  '  sub',
  '---',
  '',
  '## 特記事項',
  '',
  '',
);

test('completion of front-matter keys: every spelling, with documentation; the list is re-asked while typing', () => {
  const c = completionsAt(CONTRACT, { line: 3, character: 0 }, undefined, catalog(), 'ja');
  assert.equal(c.isIncomplete, true);
  assert.deepEqual(
    c.items.map((i) => [i.label, i.kind, i.detail, i.insertText]),
    [
      ['document', 'property', '文書種別', 'document: '],
      ['文書種別', 'property', 'document', '文書種別: '],
      ['category', 'property', '業務分類', 'category: '],
      ['業務分類', 'property', 'category', '業務分類: '],
      ['organization', 'property', '組織', 'organization: '],
      ['組織', 'property', 'organization', '組織: '],
      ['parties', 'property', '当事者', 'parties:\n  '],
      ['当事者', 'property', 'parties', '当事者:\n  '],
      ['options', 'property', 'オプション', 'options:\n  '],
      ['オプション', 'property', 'options', 'オプション:\n  '],
    ],
  );
  assert.equal(
    c.items[0].documentation,
    '文書種別: 調達仕様書（procurement-spec）か契約書（contract）。これがあるファイルだけを草案として確認します。',
  );
  // A finished key closes the list (Enter then starts a new line).
  const typed = CONTRACT.replace('category: ', 'category');
  assert.deepEqual(completionsAt(typed, { line: 2, character: 8 }, undefined, catalog(), 'ja'), {
    items: [],
    isIncomplete: true,
  });
});

test('completion of category values and option names comes from the catalog', () => {
  const values = completionsAt(CONTRACT, { line: 2, character: 10 }, undefined, catalog(), 'en');
  assert.deepEqual(values.items.slice(0, 2), [
    {
      label: 'build',
      kind: 'enum',
      detail: '情報システムの構築等',
      sortText: '00a',
      documentation:
        '情報システムの構築等 / building an information system / developing software\n\n情報システムの構築等、構築、ソフトウェアの開発、開発',
    },
    {
      label: '情報システムの構築等',
      kind: 'enum',
      detail: 'build',
      sortText: '00b',
      documentation: '情報システムの構築等 / building an information system / developing software',
    },
  ]);
  const options = completionsAt(CONTRACT, { line: 5, character: 5 }, undefined, catalog(), 'en');
  assert.deepEqual(
    options.items.map((i) => i.label),
    Object.keys(catalog().def.options),
  );
  assert.deepEqual(options.items[1], {
    label: 'subcontracting',
    kind: 'property',
    detail: 're-delegation',
    documentation:
      'Whether re-delegation is prohibited or allowed; picks the wording and flags text that contradicts it.',
    insertText: 'subcontracting: ',
  });
});

test('completion in the body: clause wordings as snippets, missing required ones first', () => {
  const text = CONTRACT.replace('category: ', 'category: storage-transport').replace('  sub', '');
  const c = completionsAt(text, { line: 10, character: 0 }, check(text), catalog(), 'ja');
  assert.equal(c.isIncomplete, false);
  assert.deepEqual(
    [...c.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => [i.label, i.sortText, i.detail]),
    [
      ['秘密保持等', '0-01-0', 'confidentiality — 必須・未記載'],
      ['再委託に関する事項（再委託を禁止する場合）', '0-13-0', 'subcontracting — 必須・未記載'],
      ['再委託に関する事項（再委託を認める場合）', '0-13-1', 'subcontracting — 必須・未記載'],
      [
        '情報セキュリティを確保するための体制の整備（情報セキュリティの確保のために体制を整備する場合）',
        '1-00-0',
        'security-structure — サービスに含まれる・未記載',
      ],
      [
        '情報セキュリティを確保するための体制の整備（外部委託を受けた業務を実施する体制を情報セキュリティ確保の体制ともする場合）',
        '1-00-1',
        'security-structure — サービスに含まれる・未記載',
      ],
      ['情報セキュリティが侵害された場合の対処', '1-08-0', 'incident-response — サービスに含まれる・未記載'],
      ['情報セキュリティ監査の実施（情報セキュリティ監査を行う場合）', '1-10-0', 'audit — 選択・未記載'],
      ['情報セキュリティ対策の履行が不十分な場合の対処', '1-11-0', 'remediation — サービスに含まれる・未記載'],
    ],
  );
  const first = c.items.find((i) => i.sortText === '1-00-0')!;
  assert.equal(first.kind, 'snippet');
  assert.equal(
    first.insertText,
    '### 情報セキュリティを確保するための体制の整備\n\n${1:[乙]}は、本契約に係る業務の実施における情報セキュリティ確保のための体制を整備し、${2:[甲]}に報告するものとする。\n',
  );
  // Nothing inside a code fence, nor in a file that is not a draft.
  assert.deepEqual(completionsAt(`${text}\`\`\``, { line: 10, character: 3 }, check(text), catalog(), 'ja').items, []);
  assert.deepEqual(completionsAt('# notes\n', { line: 1, character: 0 }, undefined, catalog(), 'ja').items, []);
});

test('hover on a clause the categories do not require: its level and basis, no empty reason', () => {
  const draft = lines(
    '---',
    'document: 調達仕様書',
    'category: [build]',
    '---',
    '',
    '# 仕様書',
    '',
    '受注者は、運用中のサーバにセキュリティパッチを速やかに適用すること。',
  );
  for (const locale of ['ja', 'en'] as const) {
    const h = hoverAt(check(draft, locale), { line: 7, character: 10 }, locale)!;
    const requirement = h.markdown.split('\n').find((l) => l.startsWith(locale === 'ja' ? '要否' : 'Requirement'))!;
    assert.ok(requirement, h.markdown);
    assert.doesNotMatch(requirement, /（、|\(; /);
  }
});

test('completion of category values leaves out the categories the list already has (by id or name), not the one at the cursor', () => {
  const at = (line: string, cursor: number) => {
    const text = lines('---', 'document: 調達仕様書', line, '---', '');
    return completionsAt(text, { line: 2, character: cursor }, undefined, catalog(), 'ja').items.map((i) => i.label);
  };
  const allBut = (...ids: string[]) =>
    Object.entries(catalog().def.categories)
      .filter(([id]) => !ids.includes(id))
      .flatMap(([id, c]) => [id, c.label]);
  assert.deepEqual(at('category: [build, ]', 'category: [build, '.length), [
    'operation-onsite',
    'オンサイトサービス',
    'operation-remote',
    'リモート運用サービス',
    'operation-datacenter',
    'データセンター',
    'operation-asp',
    'ASPサービス',
    'operation-housing',
    'ハウジングサービス',
    'maintenance',
    '保守・点検',
    'processing',
    '情報の加工・処理等',
    'storage-transport',
    '情報の保存・運搬',
    'cloud',
    '約款による情報処理サービス',
  ]);
  // Before and after the cursor, by alias or quoted; a list without brackets; a comment after it.
  assert.deepEqual(
    at('category: ["構築", , 保守] # 二つ', 'category: ["構築", '.length),
    allBut('build', 'maintenance'),
  );
  assert.deepEqual(at('category: cloud, ', 'category: cloud, '.length), allBut('cloud'));
  // The item the cursor is in is being replaced: it is offered.
  assert.deepEqual(at('category: [build, cloud]', 'category: [build, '.length), allBut('build'));
  assert.deepEqual(at('category: ', 'category: '.length), allBut());
});
