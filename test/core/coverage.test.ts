import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftCoverage, folderCoverage } from '../../server/src/core';
import { catalog } from '../support/catalog';
import { check, lines } from '../support/drafts';

// A storage spec with a BOM and CRLF: confidentiality stated on line 7 (after an emoji in a
// surrogate pair), subcontracting waived, security-structure S (included in the service).
const STORAGE =
  '\uFEFF' +
  lines(
    '---',
    'document: 調達仕様書',
    'category: storage-transport',
    '---',
    '<!-- itaku-disable missing-clause subcontracting 再委託しない -->',
    '',
    '🗄️本調達において保存を委託する情報について、その漏洩及び毀損を防止するための十分な安全管理を行うこと。',
    '',
  ).replace(/\n/g, '\r\n');

test('draftCoverage: every clause of the document type with requirement, basis, status, evidence, waiver and fix location', () => {
  const a = check(STORAGE);
  const c = draftCoverage('docs/storage.md', a.result, catalog(), 'ja');
  assert.equal(c.checked, true);
  assert.deepEqual(
    {
      document: c.document,
      documentLabel: c.documentLabel,
      categories: c.categories,
      categoryLabels: c.categoryLabels,
      summary: c.summary,
    },
    {
      document: 'procurement-spec',
      documentLabel: '調達仕様書',
      categories: ['storage-transport'],
      categoryLabels: ['情報の保存・運搬'],
      summary: {
        required: 2,
        covered: 2,
        present: 1,
        waived: 1,
        missing: 0,
        problems: { error: 0, warning: 0, information: 0, hint: 0 },
      },
    },
  );
  const byId = Object.fromEntries(c.rows.map((r) => [r.clause, r]));
  assert.deepEqual(
    c.rows.map((r) => r.clause),
    a.result.clauses.map((x) => x.id),
  );
  assert.deepEqual(byId.confidentiality, {
    clause: 'confidentiality',
    title: '取り扱う府省庁の情報の秘密保持等',
    row: '表1(2)',
    requirement: 'required',
    requirementLabel: '必須',
    basis: a.result.clauses.find((x) => x.id === 'confidentiality')!.basis,
    status: 'present',
    mark: 'present',
    markLabel: '✓',
    statusLabel: 'あり',
    // UTF-16 columns: the emoji is two code units plus a variation selector (3 + 50); the BOM is not a line.
    evidence: {
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 53 } },
      line: 7,
      excerpt: '🗄️本調達において保存を委託する情報について、その漏洩及び毀損を防止するための十分な安全管理を行うこと。',
    },
  });
  assert.deepEqual(
    [byId.subcontracting.mark, byId.subcontracting.markLabel, byId.subcontracting.waiver],
    ['waived', '適用除外', { range: byId.subcontracting.waiver!.range, line: 5, reason: '再委託しない' }],
  );
  assert.equal(byId.subcontracting.waiver!.range.start.line, 4);
  assert.deepEqual(
    [byId['security-structure'].requirement, byId['security-structure'].mark, byId['security-structure'].markLabel],
    ['service-included', 'not-needed', '—'],
  );
});

test('draftCoverage: a missing required clause is ✗ with the range of its missing-clause finding; English labels', () => {
  const a = check(lines('---', 'document: contract', 'category: storage-transport', '---', '', '# 契約書', ''));
  const c = draftCoverage('c.md', a.result, catalog(), 'en');
  const row = c.rows.find((r) => r.clause === 'confidentiality')!;
  const finding = a.result.diagnostics.find((d) => d.code === 'missing-clause' && d.clause === 'confidentiality')!;
  assert.deepEqual(
    [row.mark, row.markLabel, row.statusLabel, row.requirementLabel, row.title, row.fix],
    [
      'missing',
      '✗',
      'missing',
      'required',
      "Confidentiality of the ministry's information handled",
      { range: finding.range },
    ],
  );
  assert.equal(c.summary.missing, 2);
});

test('draftCoverage of a draft that cannot be judged says why; folderCoverage gives it no column', () => {
  const bad = check(lines('---', 'document: 調達仕様書', 'category: 宇宙開発', '---', ''));
  const good = check(STORAGE);
  const drafts = [
    draftCoverage('bad.md', bad.result, catalog(), 'ja'),
    draftCoverage('good.md', good.result, catalog(), 'ja'),
  ];
  assert.deepEqual(
    [drafts[0].checked, drafts[0].rows, drafts[0].problem],
    [false, [], '不明な業務分類「宇宙開発」です。もしかして: 開発'],
  );
  const folder = folderCoverage(drafts, catalog(), 'ja');
  assert.equal(folder.tables.length, 1);
  assert.deepEqual(folder.tables[0].columns, [1]);
  assert.deepEqual(
    folder.tables[0].rows.slice(0, 2).map((r) => [r.row, r.clause, r.cells]),
    [
      [
        '表1(1)',
        'security-structure',
        [
          {
            requirement: 'service-included',
            requirementLabel: 'サービスに含まれる',
            mark: 'not-needed',
            markLabel: '—',
          },
        ],
      ],
      [
        '表1(2)',
        'confidentiality',
        [{ requirement: 'required', requirementLabel: '必須', mark: 'present', markLabel: '✓' }],
      ],
    ],
  );
});
