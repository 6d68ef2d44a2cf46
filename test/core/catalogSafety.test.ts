import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, stringify } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { loadCatalog, readYamlData } from '../../server/src/core/catalog/load';
import { catalog, CATALOG_TEXT } from '../support/catalog';
import { STORAGE_CONTRACT } from '../support/fixtures';

// Issue 10: catalogs that pass validation but crash. Names from the data are looked up as own
// properties only, and the schema limits sizes.

type Def = Record<string, unknown> & { clauses: Array<Record<string, unknown>> };
const base = () => parse(CATALOG_TEXT) as Def;
const load = (def: unknown) => loadCatalog(stringify(def, { lineWidth: 0 }), 'test.yaml', 'ja');
const problems = (r: ReturnType<typeof loadCatalog>) => (r.ok ? [] : r.problems.map((p) => p.message));

const CONTRACT = STORAGE_CONTRACT;

test('a document type named constructor works like any other name', () => {
  const text = CATALOG_TEXT.replace(/([\s{,])contract:/g, '$1constructor:');
  const loaded = loadCatalog(text, 'test.yaml', 'ja');
  assert.ok(loaded.ok, problems(loaded).join('\n'));
  const a = analyze(CONTRACT, { catalog: loaded.catalog })!;
  assert.equal(a.result.document, 'constructor');
  assert.deepEqual(
    a.result.diagnostics.map((d) => [d.code, d.clause]),
    [['missing-clause', 'subcontracting']],
  );
});

test('a draft naming an inherited property (constructor, toString, __proto__) is an unknown value, not a crash', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const a = analyze(['---', `document: ${name}`, `category: ${name}`, '---', ''].join('\n'), { catalog: catalog() })!;
    assert.deepEqual(
      a.result.diagnostics.map((d) => d.code),
      ['unknown-document-type', 'unknown-category'],
      name,
    );
  }
});

test('options named constructor, toString, hasOwnProperty and __proto__ get unknown-key; __proto__ does not vanish', () => {
  const text = [
    '---',
    'document: 契約書',
    'category: storage-transport',
    'options:',
    '  constructor: true',
    '  toString: x',
    '  hasOwnProperty: 1',
    '  __proto__: { audit: true }',
    '---',
    '',
    '乙は、本業務に関して知り得た秘密を漏らしてはならない。',
    '',
  ].join('\n');
  const a = analyze(text, { catalog: catalog() })!;
  assert.deepEqual(
    a.result.diagnostics
      .filter((d) => d.code === 'unknown-key')
      .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`),
    [
      '4:2 不明なオプション「constructor」です。「confirmation」の誤りではありませんか。',
      '5:2 不明なオプション「toString」です。',
      '6:2 不明なオプション「hasOwnProperty」です。',
      '7:2 不明なオプション「__proto__」です。',
    ],
  );
  assert.equal(a.result.options.audit, undefined, 'the prototype trick sets no option');
});

test('{{toString:x}} in a wording is an unknown placeholder, reported, not an internal error', () => {
  const text = CATALOG_TEXT.replace('{{organization}}', '{{toString:x}}');
  assert.notEqual(text, CATALOG_TEXT);
  assert.ok(
    problems(loadCatalog(text, 'test.yaml', 'ja')).some((m) => m.includes('未定義のプレースホルダ「{{toString}}」')),
  );
});

test('schema limits: a 2-million-character phrase, 1,001 clauses and a 33-term group are refused with a clear problem', () => {
  const long = base();
  ((long.clauses[0].recognise as Record<string, unknown[]>).phrases as unknown[]).push('あ'.repeat(2_000_000));
  assert.ok(
    problems(load(long)).some((m) => /^clauses\.0\.recognise\.phrases\.\d+: 長すぎます（1000 文字まで）。$/.test(m)),
    problems(load(long)).join('\n'),
  );
  const many = base();
  const first = many.clauses[0];
  for (let i = 0, n = 1001 - many.clauses.length; i < n; i++)
    many.clauses.push({ ...structuredClone(first), id: `extra-${i}` });
  assert.deepEqual(problems(load(many)), ['clauses: 多すぎます（1000 個まで）。']);
  const group = base();
  ((group.clauses[0].recognise as Record<string, unknown[]>).phrases as unknown[]).push(
    Array.from({ length: 33 }, (_, i) => `項${i}番`),
  );
  assert.ok(
    problems(load(group)).some((m) => m.endsWith(': 多すぎます（32 個まで）。')),
    problems(load(group)).join('\n'),
  );
});

test('a 32-term group matches only when all 32 terms are in one sentence (no int32 overflow)', () => {
  const def = base();
  const clause = def.clauses.find((c) => c.id === 'subcontracting')!;
  const terms = Array.from({ length: 32 }, (_, i) => `項${i}番`);
  (clause.recognise as Record<string, unknown[]>).phrases = [terms];
  (clause.recognise as Record<string, unknown[]>).headings = ['存在しない見出し語'];
  const loaded = load(def);
  assert.ok(loaded.ok, problems(loaded).join('\n'));
  const status = (sentence: string) =>
    analyze(`${CONTRACT}\n${sentence}\n`, { catalog: loaded.catalog })!.result.clauses.find(
      (c) => c.id === 'subcontracting',
    )!.status;
  assert.equal(status(`${terms.join('、')}。`), 'present');
  assert.equal(status(`${terms.slice(0, 31).join('、')}。`), 'missing');
  assert.equal(status(`${terms[0]}。`), 'missing');
});

test('a catalog nested thousands of levels deep gets a sentence, not "Maximum call stack size exceeded"', () => {
  for (const text of [
    `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    `a: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`,
  ]) {
    const messages = problems(loadCatalog(text, 'deep.yaml', 'ja'));
    assert.ok(
      messages.length > 0 &&
        messages.every(
          (m) =>
            m === 'カタログの入れ子が深すぎて読めません（リストやマッピングの入れ子を浅くしてください）。' ||
            !/call stack/i.test(m),
        ),
      messages.join('\n'),
    );
    assert.ok(
      messages.includes('カタログの入れ子が深すぎて読めません（リストやマッピングの入れ子を浅くしてください）。'),
    );
  }
});

test("a catalog whose YAML aliases expand past 100 nodes gets a sentence in the catalog's language", () => {
  const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(10).fill('*b').join(', ')}]\n`;
  assert.deepEqual(problems(loadCatalog(bomb, 'bomb.yaml', 'ja')), [
    'YAML のエイリアス（*名前）の展開が多すぎます（100 個まで）。値はエイリアスを使わずに書いてください。',
  ]);
});

const WAIVE = (comment: string) => `${STORAGE_CONTRACT}\n${comment}\n`;

test('a waiver without a reason is reported and does not waive; with a reason it does', () => {
  const bare = analyze(WAIVE('<!-- itaku-disable missing-clause subcontracting -->'), { catalog: catalog() })!;
  assert.deepEqual(
    bare.result.diagnostics.map((d) => [d.code, d.message]),
    [
      ['missing-clause', bare.result.diagnostics[0].message],
      [
        'invalid-directive',
        '条項「subcontracting」の適用除外に理由がありません。<!-- itaku-disable missing-clause subcontracting 理由 --> の形で理由を書いてください（理由がない間は条項の不足として扱います）。',
      ],
    ],
  );
  const reasoned = analyze(WAIVE('<!-- itaku-disable missing-clause subcontracting 再委託しない契約のため -->'), {
    catalog: catalog(),
  })!;
  assert.deepEqual(reasoned.result.diagnostics, []);
  assert.equal(reasoned.result.clauses.find((c) => c.id === 'subcontracting')!.reason, '再委託しない契約のため');
});

test('<!-- ITAKU: … --> in upper case is the same comment, not silently ignored', () => {
  const upper = analyze(WAIVE('<!-- ITAKU-DISABLE MISSING-CLAUSE subcontracting 再委託しないため -->'), {
    catalog: catalog(),
  })!;
  assert.deepEqual(upper.result.diagnostics, []);
  const unknown = analyze(WAIVE('<!-- ITAKU: CLAUSE nothing -->'), { catalog: catalog() })!;
  assert.deepEqual(
    unknown.result.diagnostics.map((d) => d.code),
    ['missing-clause', 'invalid-directive'],
  );
});

test('an invalid itaku comment of 20 KB is quoted by its start only', () => {
  // (Past the 32 KB parse budget a comment is read as plain text, with analysis-limited: hostile.test.ts.)
  const a = analyze(WAIVE(`<!-- itaku: ${'x'.repeat(20_000)} -->`), { catalog: catalog() })!;
  const message = a.result.diagnostics.find((d) => d.code === 'invalid-directive')!.message;
  assert.ok(message.length < 300, `${message.length} characters`);
  assert.ok(message.startsWith(`itaku の指示「itaku: ${'x'.repeat(53)}…」を理解できません。`), message.slice(0, 100));
});

test(
  'a key repeated in a catalog or .itaku.yaml is found in linear time: one problem at each repeat',
  { timeout: 60_000 },
  () => {
    const r = readYamlData('id: a\ntitle: b\nid: c\nnested:\n  x: 1\n  x: 2\n', 'ja');
    assert.deepEqual(
      r.ok
        ? []
        : r.problems.map((p) => [p.message, p.range.start.line, p.range.start.character, p.range.end.character]),
      [
        ['Map keys must be unique', 2, 0, 2],
        ['Map keys must be unique', 5, 2, 3],
      ],
    );
    // 100,000 keys in one mapping: yaml's own check compared every key with every other (two minutes here).
    const keys = Array.from({ length: 100_000 }, (_, i) => `  k${i}: v`).join('\n');
    const big = readYamlData(`m:\n${keys}\n`, 'ja');
    assert.equal(big.ok && Object.keys((big.data as { m: object }).m).length, 100_000);
  },
);

test('a catalog with the same mistake in 300 clauses gets the first 100 problems, then one with the count', () => {
  const def = base();
  const first = def.clauses[0];
  def.clauses = Array.from({ length: 300 }, (_, i) => ({ ...structuredClone(first), id: `c${i}`, colour: 'red' }));
  const found = problems(load(def));
  assert.equal(found.length, 101);
  assert.match(found[0], /colour/);
  assert.equal(found[100], 'ほかに 200 件の誤りがあります（最初の 100 件だけを示しています）。');
});
