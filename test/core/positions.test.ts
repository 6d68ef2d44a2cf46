import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { normalizeRange, offsetList } from '../../server/src/core/text/normalize';
import { check, lines } from '../support/drafts';

const range = (
  text: string,
  d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } },
) => {
  const idx = new LineIndex(text);
  return text.slice(idx.offsetAt(d.range.start), idx.offsetAt(d.range.end));
};

const draft = (eol: string, bom = '') =>
  bom +
  [
    '---',
    'document: 調達仕様書',
    'category: [build]',
    'organization: 外務省',
    '---',
    '',
    '# 𠮷野家システム構築 👍 調達仕様書',
    '',
    '本調達に係る〔 省 〕の情報は、𠮷田が管理する。',
    '',
  ].join(eol);

for (const [name, eol, bom] of [
  ['LF', '\n', ''],
  ['CRLF', '\r\n', ''],
  ['CR', '\r', ''],
  ['BOM + CRLF', '\r\n', '\ufeff'],
] as const) {
  test(`positions land on the placeholder with ${name}, surrogate pairs and emoji`, () => {
    const text = draft(eol, bom);
    const a = check(text);
    const ph = a.result.diagnostics.find((d) => d.code === 'unresolved-placeholder')!;
    assert.equal(range(text, ph), '〔 省 〕');
    // line 8 (0-based): 本調達に係る〔 → character 6 on that line
    assert.deepEqual(ph.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 11 } });
    const cat = a.result.diagnostics.find((d) => d.code === 'missing-clause')!;
    // On the category that requires it: the item inside the flow sequence.
    assert.equal(range(text, cat), 'build');
    assert.deepEqual(cat.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } });
  });
}

test('a BOM shifts nothing but line 0 (offsets stay string indices)', () => {
  const text = '\ufeff' + lines('---', 'document: contract', 'category: build', '---', '[乙]は秘密を保持する。');
  const a = check(text);
  const d = a.result.diagnostics.find((x) => x.code === 'unresolved-placeholder')!;
  assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } });
  const cat = a.result.diagnostics.find((x) => x.code === 'missing-clause')!;
  assert.deepEqual(cat.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } });
});

test("full-width and compatibility characters map back to the author's characters", () => {
  const text = lines('---', 'document: 契約書', 'category: 構築', '---', '', '㍻の文書。ｶﾞｲﾄﾞ［乙］は守秘義務を負う。');
  const a = check(text);
  const d = a.result.diagnostics.find((x) => x.code === 'unresolved-placeholder')!;
  assert.equal(range(text, d), '［乙］');
  assert.deepEqual(d.range.start, { line: 5, character: 10 });
});

test('normalisation maps every character to its source offset', () => {
  const src = 'ｶﾞ　Ａ\n> 秘密\r\n**保持**';
  const n = normalizeRange(src, 0, src.length);
  assert.equal(n.text, 'がa秘密保持'.replace('が', 'ガ'));
  assert.deepEqual(offsetList(n), [0, 3, 7, 8, 13, 14, src.length]);
});

test('invisible format characters (soft hyphen, zero-width joiner, direction overrides) are dropped like spaces', () => {
  const src = '秘密の\u202e保\u202c持、情\u00ad報\u200dの\u2066管理\u2069';
  const n = normalizeRange(src, 0, src.length);
  assert.equal(n.text, '秘密の保持、情報の管理');
  assert.deepEqual(offsetList(n), [0, 1, 2, 4, 6, 7, 8, 10, 12, 14, 15, src.length]);
  // In a draft: a right-to-left override or a zero-width joiner inside the sentence no longer hides the clause.
  const draft = lines(
    '---',
    'document: 調達仕様書',
    'category: 構築',
    '---',
    '',
    '## 情報セキュリティ',
    '',
    '受注者は、当省から提供する情報について、その秘密を\u202e保持し、また本業務の目的以外に利\u200d用しないこと。',
    '',
  );
  const clause = check(draft).result.clauses.find((c) => c.id === 'confidentiality')!;
  assert.deepEqual([clause.status, clause.foundBy, clause.evidence?.range.start.line], ['present', 'body', 7]);
});
